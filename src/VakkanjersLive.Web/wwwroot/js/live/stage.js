// Who is on stage (audience: with reaction buttons), and the overlay's lower third.
import { el } from './dom.js';
import { reactionBar } from './reactions.js';
import { audienceCategories } from './scene.js';
import { pitchReading, showReading } from './timer.js';

/** The phone's picked category is remembered per event on this device (absent: follow the category on stage). */
export const pickedCategoryKey = (code) => `vkl-stage-category:${code}`;

const picked = (ctx) => {
  try {
    return localStorage.getItem(pickedCategoryKey(ctx.root.dataset.eventCode)) || null;
  } catch {
    return null;
  }
};

/**
 * The phone's category picker (a labelled select, shown when the event has several categories): its options follow
 * the stage's categories, its value the remembered pick ('' : the category on stage).
 */
const renderPicker = (state, ctx) => {
  const box = document.getElementById('stage-pick');
  const select = document.getElementById('stage-category');
  if (!box || !select) {
    return;
  }
  box.hidden = state.stage.size < 2;
  const options = [['', ctx.text('textStageAuto')], ...[...state.stage].map(([id, s]) => [id, s.categoryName ?? ''])];
  const same = select.options.length === options.length && options.every(([v, t], i) => select.options[i].value === v && select.options[i].text === t);
  if (!same) {
    select.replaceChildren(...options.map(([value, label]) => {
      const option = el('option', null, label);
      option.value = value;
      return option;
    }));
  }
  const value = picked(ctx);
  select.value = value && state.stage.has(value) ? value : '';
};

/** Remembers the phone's pick and redraws the stage card and the results (`redraw`). */
export const bindCategoryPicker = (ctx, redraw) => {
  document.getElementById('stage-category')?.addEventListener('change', (event) => {
    try {
      const key = pickedCategoryKey(ctx.root.dataset.eventCode);
      if (event.target.value) {
        localStorage.setItem(key, event.target.value);
      } else {
        localStorage.removeItem(key);
      }
    } catch {
      // Storage off (private mode): the pick holds until the page is left.
    }
    ctx.picked = event.target.value || null;
    redraw();
  });
};

/** The categories a phone shows: its pick (this page's, else the remembered one), else those on stage. */
const phoneCategories = (state, ctx) => audienceCategories(state, ctx.picked !== undefined ? ctx.picked : picked(ctx));

/** On a phone with a pick, only that category's results are shown (when it has a reveal). */
export const filterScoreboard = (state, ctx) => {
  if (ctx.mode !== 'audience') {
    return;
  }
  const pick = ctx.picked !== undefined ? ctx.picked : picked(ctx);
  const only = pick && state.reveals.has(pick) ? pick : null;
  for (const section of document.querySelectorAll('#scoreboard .reveal')) {
    section.hidden = only !== null && section.dataset.category !== only;
  }
};

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
  // A phone shows one compact card: the picked category, or the one on stage.
  const only = ctx.mode === 'audience' ? phoneCategories(state, ctx) : null;
  if (ctx.mode === 'audience') {
    renderPicker(state, ctx);
  }
  for (const [categoryId, entry] of state.stage) {
    if (only && !only.includes(categoryId)) {
      continue;
    }
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
