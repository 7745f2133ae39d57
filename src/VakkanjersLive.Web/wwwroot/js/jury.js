// Jury scoring that survives a Wi-Fi drop. Every input is kept in localStorage as a draft; a submission goes into an
// outbox (localStorage) with a command id made here, and is sent to /api/jury/scores until the server acknowledges it.
// A resend carries the same command id, so the journal stores it once. The Blazor circuit may be down meanwhile: all
// handlers here are plain DOM listeners on document, independent of it.
(() => {
  'use strict';

  const root = () => document.querySelector('[data-jury-judge]');
  const judge = () => root()?.dataset.juryJudge ?? 'unknown';
  const text = (name, arg) => (root()?.dataset[name] ?? name).replace('{0}', arg ?? '');
  const outboxKey = () => `vkl-outbox:${judge()}`;
  // With several performances per team (dives, attempts) each has its own form part, draft and status.
  const slot = (team, performance) => (performance ? `${team}:${performance}` : team);
  const draftKey = (team, performance = '') => `vkl-draft:${judge()}:${slot(team, performance)}`;

  const load = (key, fallback) => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));

  // crypto.randomUUID needs a secure context; a hall's LAN address over http is not one.
  const uuid = () => {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  // part: one performance's block ([data-performance-form]) inside the team's form.
  const collect = (part) => ({
    teamId: part.closest('[data-team-form]').dataset.teamForm,
    // The round the form shows: the server refuses a scorecard of an earlier round instead of counting it in this one.
    roundId: part.closest('[data-team-form]').dataset.round || null,
    performance: part.dataset.performanceForm ?? '',
    scores: [...part.querySelectorAll('[data-criterion]')].map((set) => ({
      criterionId: set.dataset.criterion,
      // Buttons, or a number field for a fine step (its value is always with a decimal point, whatever the language).
      value: set.querySelector('input[type=radio]:checked')?.value ?? (set.querySelector('[data-score-value]')?.value || null),
      comment: set.querySelector('textarea')?.value ?? '',
    })),
    comment: part.querySelector('[data-overall-comment]')?.value ?? '',
    reason: part.querySelector('[data-reason]')?.value ?? '',
  });

  const restoreDraft = (part) => {
    const form = part.closest('[data-team-form]');
    const teamId = form.dataset.teamForm;
    const performance = part.dataset.performanceForm ?? '';
    const draft = load(draftKey(teamId, performance), null);
    // A draft typed in an earlier round is not this round's scorecard.
    if (!draft || (draft.roundId && draft.roundId !== form.dataset.round)) {
      return;
    }
    for (const score of draft.scores ?? []) {
      const set = part.querySelector(`[data-criterion="${score.criterionId}"]`);
      if (!set) {
        continue;
      }
      if (score.value !== null) {
        const radio = set.querySelector(`input[type=radio][value="${score.value}"]`);
        if (radio) {
          radio.checked = true;
        }
        const number = set.querySelector('[data-score-value]');
        if (number) {
          number.value = score.value;
        }
      }
      const comment = set.querySelector('textarea');
      if (comment) {
        comment.value = score.comment ?? '';
      }
    }
    const overall = part.querySelector('[data-overall-comment]');
    if (overall) {
      overall.value = draft.comment ?? '';
    }
    const reason = part.querySelector('[data-reason]');
    if (reason) {
      reason.value = draft.reason ?? '';
    }
    setStatus(slot(teamId, performance), text('textDraft'));
  };

  const setStatus = (teamId, message, isError = false) => {
    const status = document.querySelector(`[data-status-for="${teamId}"]`);
    if (status) {
      status.textContent = message;
      status.classList.toggle('is-error', isError);
    }
  };

  const renderBadge = () => {
    const badge = document.getElementById('outbox-badge');
    if (!badge) {
      return;
    }
    const count = load(outboxKey(), []).length;
    const label = count > 0 ? text('textWaiting', count) : '';
    if (badge.textContent !== label) {
      badge.textContent = label;
      badge.hidden = count === 0;
    }
  };

  const queue = (part) => {
    const entry = collect(part);
    const status = slot(entry.teamId, entry.performance);
    const missing = entry.scores.filter((s) => s.value === null).length;
    if (missing > 0) {
      setStatus(status, text('textIncomplete', missing), true);
      return;
    }
    const outbox = load(outboxKey(), []).filter((e) => slot(e.teamId, e.performance) !== status || e.inFlight);
    outbox.push({ ...entry, commandId: uuid(), scores: entry.scores.map((s) => ({ ...s, value: Number(s.value) })) });
    save(outboxKey(), outbox);
    setStatus(status, text('textQueued'));
    renderBadge();
    flush();
  };

  let flushing = false;
  const flush = async () => {
    if (flushing || !root()) {
      return;
    }
    flushing = true;
    try {
      for (const entry of load(outboxKey(), [])) {
        let response;
        try {
          response = await fetch('/api/jury/scores', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'vkl-jury' },
            body: JSON.stringify(entry),
          });
        } catch {
          break; // offline: try again on the next trigger
        }
        const body = await response.json().catch(() => ({}));
        const status = slot(entry.teamId, entry.performance);
        if (response.ok && body.ok === true) {
          drop(entry);
          localStorage.removeItem(draftKey(entry.teamId, entry.performance));
          setStatus(status, text('textSaved'));
        } else if (response.status === 401) {
          setStatus(status, text('textSignedOut'), true);
          break; // keep it: after signing in again it is sent
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          drop(entry);
          setStatus(status, body.message ?? text('textRefused'), true);
        } else {
          break; // the server is unwell: keep it and retry
        }
      }
    } finally {
      flushing = false;
      renderBadge();
    }
  };

  const drop = (entry) => save(outboxKey(), load(outboxKey(), []).filter((e) => e.commandId !== entry.commandId));

  // Which form shows is the browser's business (data-visible is never rendered by Blazor), so a re-render
  // after a server update never yanks the judge away from the team they are scoring.
  const showTeam = (teamId, focus = true) => {
    for (const form of document.querySelectorAll('[data-team-form]')) {
      form.toggleAttribute('data-visible', form.dataset.teamForm === teamId);
    }
    for (const item of document.querySelectorAll('[data-select-team]')) {
      item.setAttribute('aria-current', item.dataset.selectTeam === teamId ? 'true' : 'false');
    }
    sessionStorage.setItem(`vkl-selected:${judge()}`, teamId);
    // The judge has gone to the team on stage: the "changed" highlight has done its job.
    const bar = document.getElementById('stage-bar');
    if (bar && bar.dataset.stageTeam === teamId) {
      bar.classList.remove('stage-changed');
    }
    if (focus) {
      document.querySelector(`[data-team-form="${teamId}"] h2`)?.focus();
    }
  };

  document.addEventListener('click', (event) => {
    const select = event.target.closest('[data-select-team]');
    if (select) {
      event.preventDefault();
      showTeam(select.dataset.selectTeam);
      return;
    }
    const submit = event.target.closest('[data-submit-team]');
    if (submit) {
      event.preventDefault();
      queue(submit.closest('[data-performance-form]'));
    }
  });

  document.addEventListener('input', (event) => {
    const part = event.target.closest?.('[data-performance-form]');
    if (part) {
      const draft = collect(part);
      save(draftKey(draft.teamId, draft.performance), draft);
    }
  });

  // Forms appear when Blazor renders (prerendered, then again when the circuit starts, or after a reload).
  const adopt = () => {
    if (!root()) {
      return;
    }
    const fresh = [...document.querySelectorAll('[data-team-form]:not([data-adopted])')];
    if (fresh.length === 0) {
      return;
    }
    for (const form of fresh) {
      form.dataset.adopted = 'yes';
      form.querySelectorAll('[data-performance-form]').forEach(restoreDraft);
    }
    if (!document.querySelector('[data-team-form][data-visible]')) {
      const candidates = [sessionStorage.getItem(`vkl-selected:${judge()}`), root().dataset.defaultTeam];
      const pick = candidates.find((t) => t && document.querySelector(`[data-team-form="${t}"]`));
      if (pick) {
        showTeam(pick, false);
      }
    }
    renderBadge();
    flush();
  };
  new MutationObserver(adopt).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', adopt);

  window.addEventListener('online', flush);
  setInterval(() => {
    if (load(outboxKey(), []).length > 0) {
      flush();
    }
  }, 4000);

  // When the server restarted or the node died, the old circuit is gone: reload (once online) to get a fresh one,
  // on whichever node the balancer picks. The event is dispatched on the reconnect element and does not bubble,
  // so it is caught on its way down (capture).
  document.addEventListener('components-reconnect-state-changed', (event) => {
    if (event.detail?.state === 'rejected' && navigator.onLine) {
      location.reload();
    }
  }, { capture: true });
})();
