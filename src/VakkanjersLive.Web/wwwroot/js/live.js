// Audience page, venue screen and stream overlay: one small script on the public SignalR hub (no Blazor circuit).
// Every public item carries its journal position: the page applies each position once, notices a gap when a batch
// does not start where the last one ended, and catches up with Resync after a reconnect. Text from viewers is only
// ever set with textContent, so no message can inject HTML and links are never clickable.
(() => {
  'use strict';
  const root = document.getElementById('live');
  if (!root || !window.signalR) {
    return;
  }

  const mode = root.dataset.mode;
  const code = root.dataset.eventCode;
  const text = (key, ...args) => args.reduce((s, a, i) => s.replace(`{${i}}`, a), root.dataset[key] ?? key);
  const uuid = () => {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const el = (tag, className, content) => {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined) {
      node.textContent = content;
    }
    return node;
  };

  const viewerId = localStorage.getItem('vkl-viewer') ?? uuid();
  localStorage.setItem('vkl-viewer', viewerId);
  const nicknameKey = `vkl-nickname:${code}`;
  let nickname = root.dataset.nickname || localStorage.getItem(nicknameKey) || null;

  const state = {
    last: -1,
    stage: new Map(),
    reveals: new Map(),
    reactionsEnabled: true,
    counts: new Map(),
    countdown: null,
    poll: null,
    pollShown: null,
    questionsEnabled: false,
    questions: new Map(),
    highlighted: null,
    resyncing: false,
    pending: [],
  };

  const status = (message) => {
    const node = document.getElementById('live-status');
    if (node && node.textContent !== message) {
      node.textContent = message;
    }
  };

  // ---- rendering -----------------------------------------------------------------------------------------------

  const renderStage = () => {
    const list = document.getElementById('stage');
    if (!list) {
      return;
    }
    list.replaceChildren();
    let anyone = false;
    for (const [categoryId, entry] of state.stage) {
      const item = el('li', 'stage-item');
      item.dataset.category = categoryId;
      item.append(el('span', 'stage-category', entry.categoryName ?? ''));
      if (entry.team) {
        anyone = true;
        item.append(el('strong', 'stage-team', entry.team.name));
        item.append(el('span', 'stage-school', entry.team.school));
        item.append(el('span', 'stage-project', entry.team.project));
        if (mode === 'audience' && state.reactionsEnabled) {
          item.append(reactionBar(entry.team.id));
        }
      } else {
        item.append(el('span', 'stage-nobody', text('textNobody')));
      }
      list.append(item);
    }
    document.getElementById('lower-third')?.toggleAttribute('hidden', !anyone);
  };

  const reactions = [['applause', '👏'], ['heart', '❤️'], ['wow', '😮']];
  const reactionBar = (teamId) => {
    const bar = el('div', 'reaction-bar');
    for (const [kind, emoji] of reactions) {
      const button = el('button', 'reaction');
      button.type = 'button';
      button.dataset.reaction = kind;
      button.dataset.team = teamId;
      // The name is the spoken word plus the visible count (WCAG 2.5.3: the visible text is part of the name).
      const icon = el('span', 'reaction-icon', emoji + ' ');
      icon.setAttribute('aria-hidden', 'true');
      const name = el('span', 'visually-hidden', text(`textReact${kind[0].toUpperCase()}${kind.slice(1)}`) + ' ');
      button.append(icon, name, el('span', 'reaction-count', String(state.counts.get(`${teamId}:${kind}`) ?? 0)));
      bar.append(button);
    }
    return bar;
  };

  const renderReactions = (snapshot) => {
    for (const count of snapshot.counts) {
      state.counts.set(`${count.teamId}:${count.kind}`, count.total);
      for (const button of document.querySelectorAll(`[data-team="${count.teamId}"][data-reaction="${count.kind}"]`)) {
        button.querySelector('.reaction-count').textContent = String(count.total);
        if (count.burst > 0) {
          button.classList.remove('burst');
          void button.offsetWidth; // restart the animation
          button.classList.add('burst');
        }
      }
    }
  };

  const addChat = (item) => {
    const list = document.getElementById('chat-list');
    if (!list || list.querySelector(`[data-position="${item.position}"]`)) {
      return;
    }
    const line = el('li', 'chat-line');
    line.dataset.position = item.position;
    line.dataset.message = item.messageId;
    line.append(el('span', 'chat-nick', item.nickname), el('span', 'chat-text', item.text));
    const report = el('button', 'chat-report', '⚑');
    report.type = 'button';
    report.dataset.report = item.messageId;
    report.setAttribute('aria-label', text('textReport', item.nickname));
    report.title = text('textReportShort');
    line.append(report);
    list.append(line);
    while (list.children.length > 200) {
      list.firstElementChild.remove();
    }
    list.scrollTop = list.scrollHeight;
  };

  const renderChatState = () => {
    const node = document.getElementById('chat-state');
    if (node) {
      const label = state.chatMode === 'off' ? text('textChatOff')
        : state.chatMode === 'paused' ? text('textChatPaused')
        : state.slowMode > 0 ? text('textSlowMode', state.slowMode) : '';
      node.textContent = label;
      node.hidden = !label;
    }
    const input = document.getElementById('chat-text');
    if (input) {
      input.disabled = state.chatMode !== 'open';
    }
    const pinned = document.getElementById('pinned');
    if (pinned) {
      pinned.textContent = state.pinned ?? '';
      pinned.hidden = !state.pinned;
    }
  };

  const renderStream = (url) => {
    const box = document.getElementById('stream');
    if (!box) {
      return;
    }
    box.replaceChildren();
    const embed = embedUrl(url);
    if (!url) {
      box.append(el('p', 'off-air', text('textOffAir')));
    } else if (embed) {
      const frame = document.createElement('iframe');
      frame.src = embed;
      frame.title = text('textStreamTitle');
      frame.allow = 'autoplay; fullscreen; picture-in-picture';
      frame.allowFullscreen = true;
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      box.append(frame);
    } else {
      const video = document.createElement('video');
      video.src = url;
      video.controls = true;
      video.playsInline = true;
      video.title = text('textStreamTitle');
      box.append(video);
    }
  };

  const embedUrl = (url) => {
    if (!url) {
      return null;
    }
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '');
    let id = null;
    if (host === 'youtu.be') {
      id = u.pathname.slice(1);
    } else if (host.endsWith('youtube.com')) {
      id = u.searchParams.get('v') ?? u.pathname.split('/').filter(Boolean).pop();
    }
    if (id) {
      return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`;
    }
    if (host.endsWith('vimeo.com')) {
      return `https://player.vimeo.com/video/${encodeURIComponent(u.pathname.split('/').filter(Boolean).pop())}`;
    }
    return null;
  };

  const renderScoreboard = (latest) => {
    const board = document.getElementById('scoreboard');
    if (!board) {
      return;
    }
    board.replaceChildren();
    for (const [categoryId, reveal] of state.reveals) {
      const section = el('section', 'reveal');
      section.dataset.category = categoryId;
      section.append(el('h3', 'reveal-category', reveal.categoryName ?? ''));
      const list = el('ol', 'reveal-list');
      // Shown best first; the reveal itself goes from last place up.
      for (const step of [...reveal.revealed].sort((a, b) => b.step - a.step)) {
        const row = el('li', `reveal-row${step.winner ? ' winner' : ''}${latest && latest.position === step.position ? ' just-revealed' : ''}`);
        row.dataset.rank = step.rank;
        row.append(el('span', 'reveal-rank', step.winner ? text('textWinner') : text('textPlace', step.rank)));
        row.append(el('strong', 'reveal-team', step.team?.name ?? ''));
        row.append(el('span', 'reveal-school', step.team?.school ?? ''));
        row.append(el('span', 'reveal-score', text('textScore', Number(step.score).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))));
        list.append(row);
      }
      if (reveal.revealed.length < reveal.total) {
        list.append(el('li', 'reveal-pending', text('textRevealWaiting')));
      }
      section.append(list);
      board.append(section);
    }
    if (state.reveals.size === 0 && mode === 'audience') {
      board.append(el('p', 'muted', text('textRevealWaiting')));
    }
  };

  // The viewer's own vote is remembered in the browser only: the server never sends who voted for what.
  const voteKey = (pollId) => `vkl-vote:${pollId}`;

  const pollResults = (poll, mine) => {
    const list = el('ol', 'poll-results');
    for (const option of poll.options) {
      const row = el('li', `poll-result${option.id === mine ? ' mine' : ''}`);
      row.dataset.option = option.id;
      const label = el('span', 'poll-option-text', option.text);
      if (option.id === mine) {
        label.append(' ', el('span', 'poll-yours', `(${text('textPollYours')})`));
      }
      row.append(label, el('span', 'poll-percent', text('textPollPercent', option.percent ?? 0)));
      const bar = el('span', 'poll-bar');
      bar.setAttribute('aria-hidden', 'true');
      const fill = el('span', 'poll-fill');
      fill.style.width = `${option.percent ?? 0}%`;
      bar.append(fill);
      row.append(bar);
      list.append(row);
    }
    return list;
  };

  const pollForm = (poll) => {
    const form = el('form', 'poll-form');
    form.id = 'poll-form';
    form.dataset.poll = poll.id;
    const fieldset = el('fieldset');
    fieldset.append(el('legend', 'poll-question', poll.question));
    for (const option of poll.options) {
      const label = el('label', 'poll-choice');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'poll-option';
      input.value = option.id;
      label.append(input, el('span', null, option.text));
      fieldset.append(label);
    }
    const button = el('button', 'primary-button', text('textVote'));
    button.type = 'submit';
    fieldset.append(button);
    form.append(fieldset);
    return form;
  };

  const renderPoll = (focusStatus) => {
    const card = document.getElementById('poll-card');
    const box = document.getElementById('poll');
    if (!card || !box) {
      return;
    }
    // Phones keep the current poll (closed, results to follow); the screen and the overlay show it while it is open
    // or its results are shown, so hiding a closed poll's results takes it off the big screen and the stream.
    const poll = state.poll && (mode === 'audience' || state.poll.state === 'open' || state.poll.resultsVisible) ? state.poll : null;
    card.hidden = !poll;
    if (!poll) {
      box.replaceChildren();
      state.pollShown = null;
      return;
    }
    const mine = localStorage.getItem(voteKey(poll.id));
    const voting = mode === 'audience' && poll.state === 'open' && !mine;
    const shown = `${poll.id}:${poll.state}:${voting}`;
    if (voting && state.pollShown === shown) {
      return; // keep the viewer's choice (and focus) while tallies come in
    }
    state.pollShown = shown;
    box.replaceChildren();
    if (voting) {
      box.append(pollForm(poll), el('p', 'poll-feedback', ''));
      box.lastElementChild.id = 'poll-feedback';
      box.lastElementChild.setAttribute('role', 'status');
      return;
    }
    box.append(el('p', 'poll-question', poll.question));
    if (poll.resultsVisible) {
      box.append(pollResults(poll, mine), el('p', 'poll-total', text('textPollTotal', poll.totalVotes ?? 0)));
    } else {
      const list = el('ul', 'poll-options');
      for (const option of poll.options) {
        const row = el('li', `poll-option${option.id === mine ? ' mine' : ''}`, option.text);
        if (option.id === mine) {
          row.append(' ', el('span', 'poll-yours', `(${text('textPollYours')})`));
        }
        list.append(row);
      }
      box.append(list);
    }
    const message = poll.state === 'closed' ? text('textPollClosed') + (poll.resultsVisible ? '' : ` ${text('textPollResultsLater')}`)
      : mine ? text('textVoted') : '';
    if (message) {
      const status = el('p', 'poll-status', message);
      status.id = 'poll-status';
      status.setAttribute('role', 'status');
      status.tabIndex = -1;
      box.append(status);
      if (focusStatus) {
        status.focus();
      }
    }
  };

  // Which questions this viewer upvoted is remembered in the browser only (the server never sends who upvoted).
  const upvoteKey = (questionId) => `vkl-upvote:${questionId}`;

  const renderQuestions = () => {
    const current = state.highlighted ? state.questions.get(state.highlighted) : null;
    const highlight = document.getElementById('question-highlight');
    if (highlight) {
      highlight.hidden = !current;
      document.getElementById('question-highlight-text').textContent = current?.text ?? '';
      document.getElementById('question-highlight-nick').textContent = current?.nickname ?? '';
    }
    const card = document.getElementById('questions-card');
    const list = document.getElementById('question-list');
    if (!card || !list) {
      return;
    }
    card.hidden = !state.questionsEnabled;
    // Open questions first, then most upvoted, then asked earliest (as the moderators' console).
    const ordered = [...state.questions.values()].sort((a, b) => (a.answered - b.answered) || (b.votes - a.votes) || (a.asked - b.asked));
    const focused = document.activeElement?.dataset?.upvote;
    list.replaceChildren();
    for (const question of ordered) {
      const isCurrent = question.id === state.highlighted;
      const item = el('li', `question-item${question.answered ? ' answered' : ''}${isCurrent ? ' current' : ''}`);
      item.dataset.question = question.id;
      const body = el('div', 'question-body');
      body.append(el('p', 'question-text', question.text));
      const meta = el('p', 'question-meta', question.nickname);
      if (isCurrent) {
        meta.append(' ', el('span', 'question-badge current', text('textCurrent')));
      }
      if (question.answered) {
        meta.append(' ', el('span', 'question-badge answered', text('textAnswered')));
      }
      body.append(meta);
      const button = el('button', 'upvote');
      button.type = 'button';
      button.dataset.upvote = question.id;
      const mine = localStorage.getItem(upvoteKey(question.id)) === '1';
      button.setAttribute('aria-pressed', String(mine));
      button.setAttribute('aria-label', text('textUpvote', question.votes));
      button.disabled = !state.questionsEnabled;
      const arrow = el('span', null, '▲');
      arrow.setAttribute('aria-hidden', 'true');
      button.append(arrow, el('span', 'upvote-count', String(question.votes)));
      item.append(body, button);
      list.append(item);
    }
    if (ordered.length === 0) {
      list.append(el('li', 'muted', text('textQuestionsNone')));
    }
    if (focused) {
      document.querySelector(`[data-upvote="${focused}"]`)?.focus();
    }
  };

  const renderCountdown = () => {
    const node = document.getElementById('countdown');
    if (!node) {
      return;
    }
    const left = state.countdown ? Math.max(0, Math.round((new Date(state.countdown.endsAt) - Date.now()) / 1000)) : 0;
    node.hidden = !state.countdown || left <= 0;
    if (!node.hidden) {
      node.textContent = `${state.countdown.label ? state.countdown.label + ' ' : ''}${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    }
  };
  setInterval(renderCountdown, 1000);

  // ---- state ---------------------------------------------------------------------------------------------------

  const applySnapshot = (snapshot) => {
    state.last = snapshot.position;
    state.stage = new Map(snapshot.stage.map((s) => [s.categoryId, { categoryName: s.categoryName, team: s.team ?? null }]));
    state.reactionsEnabled = snapshot.reactionsEnabled;
    state.countdown = snapshot.countdownEndsAt ? { endsAt: snapshot.countdownEndsAt, label: snapshot.countdownLabel } : null;
    state.reveals = new Map(snapshot.reveals.map((r) => [r.categoryId, { categoryName: r.categoryName, total: r.total, revealed: r.revealed }]));
    document.getElementById('chat-list')?.replaceChildren();
    snapshot.chat.forEach(addChat);
    state.chatMode = snapshot.chatMode;
    state.slowMode = snapshot.slowModeSeconds;
    state.pinned = snapshot.pinnedMessage;
    state.poll = snapshot.poll ?? null;
    state.questionsEnabled = snapshot.questionsEnabled;
    state.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
    state.highlighted = snapshot.highlightedQuestionId ?? null;
    renderPoll();
    renderQuestions();
    renderChatState();
    renderStream(snapshot.streamUrl);
    renderStage();
    renderScoreboard();
    renderCountdown();
  };

  const applyItem = (item) => {
    switch (item.type) {
      case 'stage':
        state.stage.set(item.categoryId, { categoryName: item.categoryName, team: item.team ?? null });
        renderStage();
        break;
      case 'chat':
        addChat(item);
        break;
      case 'chat-hidden':
        document.querySelector(`.chat-line[data-message="${item.messageId}"]`)?.remove();
        break;
      case 'chat-cleared':
        // The privacy purge: chat and questions are erased together.
        document.getElementById('chat-list')?.replaceChildren();
        state.questions.clear();
        state.highlighted = null;
        renderQuestions();
        break;
      case 'questions':
        state.questionsEnabled = item.enabled;
        renderQuestions();
        break;
      case 'question':
      case 'question-votes':
        state.questions.set(item.question.id, item.question);
        if (item.question.answered && state.highlighted === item.question.id) {
          state.highlighted = null; // an answered question is no longer "nu aan de beurt"
        }
        renderQuestions();
        break;
      case 'question-hidden':
        state.questions.delete(item.questionId);
        if (state.highlighted === item.questionId) {
          state.highlighted = null;
        }
        renderQuestions();
        break;
      case 'question-highlight':
        state.highlighted = item.questionId ?? null;
        if (item.question) {
          state.questions.set(item.question.id, item.question);
        }
        renderQuestions();
        break;
      case 'chat-settings':
        state.chatMode = item.mode;
        state.slowMode = item.seconds;
        renderChatState();
        break;
      case 'pinned':
        state.pinned = item.text;
        renderChatState();
        break;
      case 'announcement': {
        const banner = document.getElementById('announcement');
        if (banner) {
          banner.textContent = item.text;
          banner.hidden = false;
        }
        break;
      }
      case 'stream':
        renderStream(item.url);
        break;
      case 'reactions':
        state.reactionsEnabled = item.enabled;
        renderStage();
        break;
      case 'countdown':
        state.countdown = item.endsAt ? { endsAt: item.endsAt, label: item.label } : null;
        renderCountdown();
        break;
      case 'poll-open':
      case 'poll-closed':
      case 'poll-results':
        state.poll = item.poll;
        renderPoll();
        break;
      case 'reveal-start':
        state.reveals.set(item.categoryId, { categoryName: item.categoryName, total: item.total, revealed: [] });
        renderScoreboard();
        break;
      case 'reveal-step': {
        const reveal = state.reveals.get(item.categoryId) ?? { categoryName: item.categoryName, total: item.total, revealed: [] };
        if (!reveal.revealed.some((r) => r.step === item.step)) {
          reveal.revealed.push(item);
        }
        state.reveals.set(item.categoryId, reveal);
        renderScoreboard(item);
        if (item.winner) {
          root.classList.remove('winner-moment');
          void root.offsetWidth;
          root.classList.add('winner-moment');
        }
        break;
      }
    }
  };

  const applyBatch = async (batch) => {
    if (state.resyncing) {
      state.pending.push(batch);
      return;
    }
    if (batch.after > state.last) {
      await resync();
      return;
    }
    for (const item of batch.items) {
      if (item.position > state.last) {
        applyItem(item);
      }
    }
    state.last = Math.max(state.last, batch.upTo);
  };

  const resync = async () => {
    state.resyncing = true;
    let retry = false;
    try {
      const result = await connection.invoke('Resync', state.last);
      state.resyncing = false;
      if (result.snapshot) {
        applySnapshot(result.snapshot);
      } else if (result.batch) {
        await applyBatch(result.batch);
      } else if (result.code === 'live.too-fast') {
        // Asked too often: batches keep queueing and the catch-up is tried again in a few seconds.
        retry = true;
      }
    } catch {
      // The connection dropped meanwhile; the rejoin after the reconnect resyncs.
    }
    if (retry) {
      state.resyncing = true;
      setTimeout(() => resync(), 5000 + Math.random() * 1000);
      return;
    }
    state.resyncing = false;
    const pending = state.pending.splice(0);
    for (const batch of pending) {
      await applyBatch(batch);
    }
  };

  // ---- connection ----------------------------------------------------------------------------------------------

  const connection = new signalR.HubConnectionBuilder()
    // WebSockets straight away, without the negotiate round trip: behind a load balancer no stickiness is needed.
    .withUrl('/hubs/live', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, 500 * 2 ** ctx.previousRetryCount) + Math.random() * 1000 })
    .build();
  connection.on('Feed', (batch) => applyBatch(batch));
  connection.on('Reactions', renderReactions);
  connection.onreconnecting(() => status(text('textReconnecting')));
  connection.onreconnected(() => join());
  connection.onclose(() => {
    status(text('textReconnecting'));
    setTimeout(start, 2000 + Math.random() * 3000);
  });

  const join = async () => {
    const result = await connection.invoke('Join', { eventCode: code, viewerId, nickname, kind: mode === 'audience' ? 'audience' : 'screen' });
    if (!result.ok) {
      status(result.message);
      if (result.code?.startsWith('chat.nickname') || result.code === 'chat.link' || result.code === 'chat.contact-details') {
        // A refused nickname: say why and continue with a generated one.
        const feedback = document.getElementById('chat-feedback');
        if (feedback) {
          feedback.textContent = result.message;
        }
        nickname = null;
        localStorage.removeItem(nicknameKey);
        return join();
      }
      return;
    }
    if (mode === 'audience') {
      nickname = result.nickname;
      localStorage.setItem(nicknameKey, nickname);
      const shown = document.getElementById('nickname');
      if (shown) {
        shown.textContent = nickname;
      }
    }
    if (state.last < 0) {
      applySnapshot(result.snapshot);
    } else {
      await resync();
    }
    status(text('textConnected'));
  };

  const start = async () => {
    if (connection.state !== signalR.HubConnectionState.Disconnected) {
      return;
    }
    status(text('textConnecting'));
    try {
      await connection.start();
      await join();
    } catch {
      status(text('textFailed'));
      setTimeout(start, 3000 + Math.random() * 3000);
    }
  };

  const vote = async (form) => {
    const feedback = document.getElementById('poll-feedback');
    const choice = form.querySelector('input[name="poll-option"]:checked');
    if (!choice) {
      feedback.textContent = text('textPollChoose');
      return;
    }
    const pollId = form.dataset.poll;
    // One command id per poll on this device: a resend after a dropped connection is the same vote.
    const commandKey = `vkl-vote-command:${pollId}`;
    const commandId = localStorage.getItem(commandKey) ?? uuid();
    localStorage.setItem(commandKey, commandId);
    feedback.textContent = text('textSending');
    try {
      const result = await connection.invoke('Vote', { commandId, pollId, optionId: choice.value });
      if (result.ok || result.code === 'poll.already-voted') {
        localStorage.setItem(voteKey(pollId), result.ok ? choice.value : 'unknown');
        renderPoll(true);
      } else {
        feedback.textContent = result.message ?? '';
      }
    } catch {
      feedback.textContent = text('textFailed');
    }
  };

  // One command id per question text: a resend after a dropped connection is the same question, stored once.
  let pendingQuestion = null;
  const ask = async () => {
    const input = document.getElementById('question-text');
    const feedback = document.getElementById('question-feedback');
    // A question is one line: line breaks typed on a phone become spaces (the server refuses control characters).
    const question = input.value.replace(/\s+/g, ' ').trim();
    if (!question) {
      return;
    }
    if (pendingQuestion?.text !== question) {
      pendingQuestion = { text: question, commandId: uuid() };
    }
    feedback.textContent = text('textSending');
    try {
      const result = await connection.invoke('AskQuestion', { commandId: pendingQuestion.commandId, text: question });
      feedback.textContent = result.message ?? '';
      feedback.classList.toggle('is-info', result.ok);
      if (result.ok) {
        input.value = '';
        pendingQuestion = null;
      }
    } catch {
      feedback.textContent = text('textFailed');
    }
  };

  const upvote = async (button) => {
    const questionId = button.dataset.upvote;
    const withdraw = button.getAttribute('aria-pressed') === 'true';
    try {
      const result = await connection.invoke('Upvote', { commandId: uuid(), questionId, withdraw });
      const upvoted = result.ok ? !withdraw : result.code === 'question.already-upvoted' ? true : result.code === 'question.not-upvoted' ? false : null;
      if (upvoted === true) {
        localStorage.setItem(upvoteKey(questionId), '1');
      } else if (upvoted === false) {
        localStorage.removeItem(upvoteKey(questionId));
      }
      if (!result.ok && upvoted === null) {
        document.getElementById('question-feedback').textContent = result.message ?? '';
      }
      renderQuestions();
    } catch {
      document.getElementById('question-feedback').textContent = text('textFailed');
    }
  };

  document.addEventListener('submit', async (event) => {
    if (event.target.id === 'poll-form') {
      event.preventDefault();
      await vote(event.target);
      return;
    }
    if (event.target.id === 'question-form') {
      event.preventDefault();
      await ask();
      return;
    }
    if (event.target.id !== 'chat-form') {
      return;
    }
    event.preventDefault();
    const input = document.getElementById('chat-text');
    const feedback = document.getElementById('chat-feedback');
    const message = input.value.trim();
    if (!message) {
      return;
    }
    feedback.textContent = text('textSending');
    try {
      const result = await connection.invoke('SendChat', { commandId: uuid(), text: message });
      feedback.textContent = result.message ?? '';
      feedback.classList.toggle('is-info', result.ok);
      if (result.ok) {
        input.value = '';
      }
    } catch {
      feedback.textContent = text('textFailed');
    }
  });

  // Enter sends the question (as in a chat box); Shift+Enter still types a line break.
  document.getElementById('question-text')?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      document.getElementById('question-form').requestSubmit();
    }
  });

  document.addEventListener('click', async (event) => {
    const report = event.target.closest('[data-report]');
    if (report) {
      try {
        const result = await connection.invoke('Report', { messageId: report.dataset.report, reason: null });
        const feedback = document.getElementById('chat-feedback');
        if (feedback) {
          feedback.textContent = result.message ?? '';
        }
        report.disabled = result.ok;
      } catch {
        // The report can be tried again.
      }
      return;
    }
    const up = event.target.closest('[data-upvote]');
    if (up) {
      await upvote(up);
      return;
    }
    const button = event.target.closest('[data-reaction]');
    if (!button) {
      return;
    }
    try {
      await connection.invoke('React', { teamId: button.dataset.team, kind: button.dataset.reaction });
    } catch {
      // Reactions are best effort.
    }
  });

  window.vklLive = { connection, state };
  start();
})();
