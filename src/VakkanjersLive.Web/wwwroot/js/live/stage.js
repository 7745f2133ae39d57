// Who is on stage (audience: with reaction buttons), and the overlay's lower third.
import { el } from './dom.js';
import { reactionBar } from './reactions.js';
import { pitchReading, showReading } from './timer.js';

/** Fills every stage card's pitch timer from the state, on the server's clock (the page calls it four times a second). */
export const renderPitchTimers = (state, ctx, now = Date.now()) => {
  for (const node of document.querySelectorAll('#stage .pitch-timer')) {
    const timer = state.timers.get(node.dataset.category);
    node.hidden = !timer;
    if (timer) {
      showReading(node, pitchReading(timer, now + (state.clockOffset ?? 0)), ctx.text);
    }
  }
};

export const renderStage = (state, ctx) => {
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
      const timer = el('span', 'pitch-timer');
      timer.dataset.category = categoryId;
      timer.setAttribute('role', 'timer');
      item.append(timer);
      if (ctx.mode === 'audience' && state.reactionsEnabled) {
        item.append(reactionBar(state, ctx, entry.team.id));
      }
    } else {
      item.append(el('span', 'stage-nobody', ctx.text('textNobody')));
    }
    list.append(item);
  }
  document.getElementById('lower-third')?.toggleAttribute('hidden', !anyone);
  renderPitchTimers(state, ctx);
};
