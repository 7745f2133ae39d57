// Reaction buttons under the team on stage, and the coalesced `Reactions` totals.
import { el, replay } from './dom.js';

export const reactionKinds = [['applause', '👏'], ['heart', '❤️'], ['wow', '😮']];

export const reactionBar = (state, ctx, teamId) => {
  const bar = el('div', 'reaction-bar');
  for (const [kind, emoji] of reactionKinds) {
    const button = el('button', 'reaction');
    button.type = 'button';
    button.dataset.reaction = kind;
    button.dataset.team = teamId;
    // The name is the spoken word plus the visible count (WCAG 2.5.3: the visible text is part of the name).
    const icon = el('span', 'reaction-icon', emoji + ' ');
    icon.setAttribute('aria-hidden', 'true');
    const name = el('span', 'visually-hidden', ctx.text(`textReact${kind[0].toUpperCase()}${kind.slice(1)}`) + ' ');
    button.append(icon, name, el('span', 'reaction-count', String(state.counts.get(`${teamId}:${kind}`) ?? 0)));
    bar.append(button);
  }
  return bar;
};

/** Updates the buttons in place for a `Reactions` message (a burst replays the animation). */
export const renderReactionCounts = (message) => {
  for (const count of message.counts) {
    for (const button of document.querySelectorAll(`[data-team="${count.teamId}"][data-reaction="${count.kind}"]`)) {
      button.querySelector('.reaction-count').textContent = String(count.total);
      if (count.burst > 0) {
        replay(button, 'burst');
      }
    }
  }
};
