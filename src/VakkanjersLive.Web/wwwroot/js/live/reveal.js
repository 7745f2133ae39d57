// The scoreboard of a reveal: best first, the places shown so far, the winner moment.
import { el, replay } from './dom.js';

/**
 * A blended result's parts in one line ("jury 70 · publiek 20"): each panel by its localised name (`data-text-panel-…`
 * on the root, e.g. data-text-panel-public), else its id; numbers in the page's language. Empty without parts.
 */
export const partsText = (parts, text, lang) => (parts ?? [])
  .map((p) => {
    const key = `textPanel${p.panel.charAt(0).toUpperCase()}${p.panel.slice(1)}`;
    const name = text(key);
    return `${name === key ? p.panel : name} ${Number(p.value).toLocaleString(lang, { maximumFractionDigits: 2 })}`;
  })
  .join(' · ');

/** `latest`: the reveal step just applied (its row is marked just-revealed); `winner`: play the winner moment. */
export const renderScoreboard = (state, ctx, { latest = null, winner = false } = {}) => {
  const board = document.getElementById('scoreboard');
  if (board) {
    board.replaceChildren();
    for (const [categoryId, reveal] of state.reveals) {
      const section = el('section', 'reveal');
      section.dataset.category = categoryId;
      section.append(el('h3', 'reveal-category', reveal.categoryName ?? ''));
      const list = el('ol', 'reveal-list');
      // Shown best first; the reveal itself goes from last place up.
      for (const step of [...reveal.revealed].sort((a, b) => b.step - a.step)) {
        const kind = step.mention ? ' mention' : step.winner ? ' winner' : '';
        const row = el('li', `reveal-row${kind}${latest && latest.position === step.position ? ' just-revealed' : ''}`);
        if (step.mention) {
          // An honourable mention: named, without its place or score.
          row.append(el('span', 'reveal-rank', ctx.text('textMention')));
          row.append(el('strong', 'reveal-team', step.team?.name ?? ''));
          row.append(el('span', 'reveal-school', step.team?.school ?? ''));
        } else {
          row.dataset.rank = step.rank;
          row.append(el('span', 'reveal-rank', step.winner ? ctx.text('textWinner') : ctx.text('textPlace', step.rank)));
          row.append(el('strong', 'reveal-team', step.team?.name ?? ''));
          row.append(el('span', 'reveal-school', step.team?.school ?? ''));
          row.append(el('span', 'reveal-score', ctx.text('textScore', Number(step.score).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))));
          if (step.parts?.length) {
            row.append(el('span', 'reveal-parts', partsText(step.parts, ctx.text, document.documentElement.lang)));
          }
        }
        list.append(row);
      }
      if (reveal.paused) {
        list.append(el('li', 'reveal-pending reveal-pause', ctx.text('textRevealPause')));
      } else if (reveal.revealed.length < reveal.total) {
        list.append(el('li', 'reveal-pending', ctx.text('textRevealWaiting')));
      }
      section.append(list);
      board.append(section);
    }
    if (state.reveals.size === 0 && ctx.mode === 'audience') {
      board.append(el('p', 'muted', ctx.text('textRevealWaiting')));
    }
  }
  if (winner) {
    replay(ctx.root, 'winner-moment');
  }
};
