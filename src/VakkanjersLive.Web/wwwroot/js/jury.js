// Jury scoring that survives a Wi-Fi drop. Every input is kept in localStorage as a draft; a submission goes into an
// outbox (localStorage) with a command id made here, and is sent to /api/jury/scores (a ranked ballot to
// /api/jury/rankings) until the server acknowledges it.
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

  // A draft's text back into its field, when the form has that field.
  const fill = (container, selector, value) => {
    const field = container.querySelector(selector);
    if (field) {
      field.value = value ?? '';
    }
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
    fill(part, '[data-overall-comment]', draft.comment);
    fill(part, '[data-reason]', draft.reason);
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
    const outbox = load(outboxKey(), []).filter((e) => e.kind === 'ranking' || slot(e.teamId, e.performance) !== status || e.inFlight);
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
          response = await fetch(entry.kind === 'ranking' ? '/api/jury/rankings' : '/api/jury/scores', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'vkl-jury' },
            body: JSON.stringify(entry),
          });
        } catch {
          break; // offline: try again on the next trigger
        }
        const body = await response.json().catch(() => ({}));
        const status = entry.kind === 'ranking' ? 'ranking' : slot(entry.teamId, entry.performance);
        if (response.ok && body.ok === true) {
          drop(entry);
          localStorage.removeItem(entry.kind === 'ranking' ? rankingDraftKey() : draftKey(entry.teamId, entry.performance));
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


  // ---- ranked ballots: a place per team, unique, read out; one ballot per judge and round -----------------------
  const rankingDraftKey = () => `vkl-draft:${judge()}:ranking`;
  const rankingForm = () => document.querySelector('[data-ranking-form]');
  const rankText = (name) => rankingForm()?.dataset[name] ?? name;

  // The teams with a place, best first (a gap in the places closes up: 1, 3 is first and second).
  const rankedOrder = (form) =>
    [...form.querySelectorAll('[data-rank-team]')]
      .filter((select) => select.value !== '')
      .sort((a, b) => Number(a.value) - Number(b.value));

  const announceOrder = (form) => {
    const order = rankedOrder(form);
    const region = form.querySelector('#ranking-order');
    if (!region) {
      return;
    }
    const line = order.map((select, i) => rankText('textPlace').replace('{0}', i + 1).replace('{1}', select.dataset.teamName)).join(', ');
    region.textContent = order.length === 0 ? rankText('textEmpty') : rankText('textOrder').replace('{0}', line);
  };

  const collectRanking = (form) => ({
    kind: 'ranking',
    roundId: form.dataset.round || null,
    teamIds: rankedOrder(form).map((select) => select.dataset.rankTeam),
    places: Object.fromEntries([...form.querySelectorAll('[data-rank-team]')].map((s) => [s.dataset.rankTeam, s.value])),
    comment: form.querySelector('[data-ranking-comment]')?.value ?? '',
    reason: form.querySelector('[data-ranking-reason]')?.value ?? '',
  });

  // Picking a place another team has swaps the two: no two teams ever share a place.
  const placeChanged = (select) => {
    const form = select.closest('[data-ranking-form]');
    const previous = select.dataset.place ?? '';
    if (select.value !== '') {
      for (const other of form.querySelectorAll('[data-rank-team]')) {
        if (other !== select && other.value === select.value) {
          other.value = previous;
          other.dataset.place = previous;
        }
      }
    }
    select.dataset.place = select.value;
    announceOrder(form);
    save(rankingDraftKey(), collectRanking(form));
  };

  const restoreRanking = (form) => {
    for (const select of form.querySelectorAll('[data-rank-team]')) {
      select.dataset.place = select.value;
    }
    const draft = load(rankingDraftKey(), null);
    if (draft && (!draft.roundId || draft.roundId === form.dataset.round)) {
      for (const select of form.querySelectorAll('[data-rank-team]')) {
        const place = draft.places?.[select.dataset.rankTeam];
        if (place !== undefined && [...select.options].some((o) => o.value === place)) {
          select.value = place;
          select.dataset.place = place;
        }
      }
      fill(form, '[data-ranking-comment]', draft.comment);
      fill(form, '[data-ranking-reason]', draft.reason);
      setStatus('ranking', text('textDraft'));
    }
    announceOrder(form);
  };

  const queueRanking = (form) => {
    const entry = collectRanking(form);
    if (entry.teamIds.length === 0) {
      setStatus('ranking', rankText('textNone'), true);
      return;
    }
    const outbox = load(outboxKey(), []).filter((e) => e.kind !== 'ranking');
    outbox.push({ ...entry, places: undefined, commandId: uuid() });
    save(outboxKey(), outbox);
    setStatus('ranking', text('textQueued'));
    renderBadge();
    flush();
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
    const submitRanking = event.target.closest('[data-submit-ranking]');
    if (submitRanking) {
      event.preventDefault();
      queueRanking(submitRanking.closest('[data-ranking-form]'));
      return;
    }
    const submit = event.target.closest('[data-submit-team]');
    if (submit) {
      event.preventDefault();
      queue(submit.closest('[data-performance-form]'));
    }
  });

  // Blazor may re-render the places (a revision saved); the place a select had is read when the judge goes to it.
  document.addEventListener('focusin', (event) => {
    if (event.target.matches?.('[data-rank-team]')) {
      event.target.dataset.place = event.target.value;
    }
  });

  document.addEventListener('change', (event) => {
    if (event.target.matches?.('[data-rank-team]')) {
      placeChanged(event.target);
    }
  });

  document.addEventListener('input', (event) => {
    const ranking = event.target.closest?.('[data-ranking-form]');
    if (ranking && !event.target.matches('[data-rank-team]')) {
      save(rankingDraftKey(), collectRanking(ranking));
      return;
    }
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
    const ballot = document.querySelector('[data-ranking-form]:not([data-adopted])');
    if (ballot) {
      ballot.dataset.adopted = 'yes';
      restoreRanking(ballot);
      renderBadge();
      flush();
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
