// The current poll: a voting form on phones that have not voted, otherwise the question with the options or the
// results. The viewer's own vote is remembered in the browser only: the server never sends who voted for what.
import { el } from './dom.js';
import { PollModes } from './protocol.js';
import { visiblePoll } from './reducer.js';

export const voteKey = (pollId) => `vkl-vote:${pollId}`;

const results = (poll, mine, ctx) => {
  const list = el('ol', 'poll-results');
  for (const option of poll.options) {
    const row = el('li', `poll-result${option.id === mine ? ' mine' : ''}`);
    row.dataset.option = option.id;
    const label = el('span', 'poll-option-text', option.text);
    if (option.id === mine) {
      label.append(' ', el('span', 'poll-yours', `(${ctx.text('textPollYours')})`));
    }
    // A per-class poll shows points (the class ballots added up), an open one percentages.
    const figure = poll.mode === PollModes.PerClass ? ctx.text('textPollPoints', option.votes ?? 0) : ctx.text('textPollPercent', option.percent ?? 0);
    row.append(label, el('span', 'poll-percent', figure));
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

const form = (poll, ctx) => {
  const node = el('form', 'poll-form');
  node.id = 'poll-form';
  node.dataset.poll = poll.id;
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
  const button = el('button', 'primary-button', ctx.text('textVote'));
  button.type = 'submit';
  fieldset.append(button);
  node.append(fieldset);
  return node;
};

// What the box shows now, so tallies coming in do not rebuild the form under the viewer's finger.
let shownKey = null;

/** `focusStatus`: move focus to the status line (right after this viewer voted). */
export const renderPoll = (state, ctx, { focusStatus = false } = {}) => {
  const card = document.getElementById('poll-card');
  const box = document.getElementById('poll');
  if (!card || !box) {
    return;
  }
  // Phones keep the current poll (closed, results to follow); the screen and the overlay show it while it is open
  // or its results are shown, so hiding a closed poll's results takes it off the big screen and the stream.
  const poll = visiblePoll(state, ctx.mode);
  card.hidden = !poll;
  if (!poll) {
    box.replaceChildren();
    shownKey = null;
    return;
  }
  const mine = localStorage.getItem(voteKey(poll.id));
  const voting = ctx.mode === 'audience' && poll.state === 'open' && !mine;
  const shown = `${poll.id}:${poll.state}:${voting}`;
  if (voting && shownKey === shown) {
    return; // keep the viewer's choice (and focus) while tallies come in
  }
  shownKey = shown;
  box.replaceChildren();
  if (voting) {
    box.append(form(poll, ctx), el('p', 'poll-feedback', ''));
    box.lastElementChild.id = 'poll-feedback';
    box.lastElementChild.setAttribute('role', 'status');
    return;
  }
  box.append(el('p', 'poll-question', poll.question));
  if (poll.resultsVisible) {
    const total = poll.mode === PollModes.PerClass ? ctx.text('textPollClasses', poll.classes ?? 0) : ctx.text('textPollTotal', poll.totalVotes ?? 0);
    box.append(results(poll, mine, ctx), el('p', 'poll-total', total));
  } else {
    const list = el('ul', 'poll-options');
    for (const option of poll.options) {
      const row = el('li', `poll-option${option.id === mine ? ' mine' : ''}`, option.text);
      if (option.id === mine) {
        row.append(' ', el('span', 'poll-yours', `(${ctx.text('textPollYours')})`));
      }
      list.append(row);
    }
    box.append(list);
  }
  const message = poll.state === 'closed' ? ctx.text('textPollClosed') + (poll.resultsVisible ? '' : ` ${ctx.text('textPollResultsLater')}`)
    : mine ? ctx.text('textVoted') : '';
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
