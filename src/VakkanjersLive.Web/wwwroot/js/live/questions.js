// Audience questions: the list with upvote buttons (phones), and the question "nu aan de beurt" (screen, overlay).
// Which questions this viewer upvoted is remembered in the browser only (the server never sends who upvoted).
import { el } from './dom.js';
import { orderedQuestions } from './reducer.js';

export const upvoteKey = (questionId) => `vkl-upvote:${questionId}`;

export const renderQuestions = (state, ctx) => {
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
  const ordered = orderedQuestions(state);
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
      meta.append(' ', el('span', 'question-badge current', ctx.text('textCurrent')));
    }
    if (question.answered) {
      meta.append(' ', el('span', 'question-badge answered', ctx.text('textAnswered')));
    }
    body.append(meta);
    const button = el('button', 'upvote');
    button.type = 'button';
    button.dataset.upvote = question.id;
    const mine = localStorage.getItem(upvoteKey(question.id)) === '1';
    button.setAttribute('aria-pressed', String(mine));
    button.setAttribute('aria-label', ctx.text('textUpvote', question.votes));
    button.disabled = !state.questionsEnabled;
    const arrow = el('span', null, '▲');
    arrow.setAttribute('aria-hidden', 'true');
    button.append(arrow, el('span', 'upvote-count', String(question.votes)));
    item.append(body, button);
    list.append(item);
  }
  if (ordered.length === 0) {
    list.append(el('li', 'muted', ctx.text('textQuestionsNone')));
  }
  if (focused) {
    document.querySelector(`[data-upvote="${focused}"]`)?.focus();
  }
};
