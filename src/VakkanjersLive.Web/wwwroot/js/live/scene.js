// The venue screen and the overlay show one scene at a time, chosen by the state: what happened last (the reducer's
// `focus`) while it still has something to show, else a question "nu aan de beurt", a poll on screen, a reveal under
// way, a running countdown, the team on stage, and otherwise the join QR code; unless the producer fixed a scene for
// this display (a scene item), which is shown while it has something to show. Pure: tests/js/scene.test.mjs.
import { secondsLeft, visiblePoll } from './reducer.js';

/** The scenes, in the order they are chosen when nothing happened last (or it has nothing left to show). */
export const Scenes = Object.freeze(['question', 'poll', 'reveal', 'countdown', 'stage', 'join']);

const incomplete = (state) => [...state.reveals.entries()].find(([, r]) => r.revealed.length < r.total)?.[0] ?? null;

/** Whether a scene has something to show now (`now` in ms on this device; the countdown reads it). */
const shows = (state, scene, now) => {
  switch (scene) {
    case 'question':
      return Boolean(state.highlighted && state.questions.has(state.highlighted));
    case 'poll':
      return Boolean(visiblePoll(state, 'screen'));
    case 'reveal':
      return state.reveals.size > 0;
    case 'countdown':
      return secondsLeft(state, now) > 0;
    case 'stage':
      return [...state.stage.values()].some((s) => s.team);
    case 'blank':
    case 'join':
      return true;
    default:
      return true;
  }
};

/** The producer's fixed scene for `display` while it has something to show, else null (the state chooses). */
const fixedScene = (state, display, now) => {
  const choice = display ? state.scenes?.get(display) : null;
  if (!choice || choice.scene === 'auto') {
    return null;
  }
  const { scene, categoryId } = choice;
  if (scene === 'reveal' ? !state.reveals.has(categoryId) : scene === 'stage' && categoryId ? !state.stage.get(categoryId)?.team : !shows(state, scene, now)) {
    return null;
  }
  return { scene, categoryId: categoryId ?? null };
};

/**
 * `{ scene, categoryId }`: the scene to show on `display` ('screen', 'overlay'; absent: the state's choice), and the
 * category it is about (stage, reveal; null: none).
 */
export const sceneOf = (state, now = Date.now(), display = null) => {
  const fixed = fixedScene(state, display, now);
  if (fixed) {
    return fixed;
  }
  const focus = state.focus;
  if (focus && shows(state, focus.scene, now) && (focus.scene !== 'reveal' || state.reveals.has(focus.categoryId))) {
    return { scene: focus.scene, categoryId: focus.categoryId ?? null };
  }
  for (const scene of Scenes) {
    if (scene === 'reveal' ? incomplete(state) !== null : shows(state, scene, now)) {
      return { scene, categoryId: scene === 'reveal' ? incomplete(state) : null };
    }
  }
  return { scene: 'join', categoryId: null };
};

/** The category the stage scene is about: the one named, else the last one with a team on stage. */
export const stageCategory = (state, categoryId) =>
  categoryId && state.stage.get(categoryId)?.team ? categoryId : [...state.stage.entries()].filter(([, s]) => s.team).pop()?.[0] ?? null;

/**
 * The categories a phone's stage card shows: the one the viewer picked while the event still has it, else every
 * category with a team on stage, else the first (its "nobody on stage").
 */
export const audienceCategories = (state, picked) => {
  if (picked && state.stage.has(picked)) {
    return [picked];
  }
  const onStage = [...state.stage.entries()].filter(([, s]) => s.team).map(([id]) => id);
  return onStage.length > 0 ? onStage : [...state.stage.keys()].slice(0, 1);
};

/** Marks the page with its scene (`data-scene` on #live) and the stage card and reveal it is about (`is-focus`). */
export const applyScene = (state, ctx, now = Date.now()) => {
  if (ctx.mode === 'audience') {
    return;
  }
  const { scene, categoryId } = sceneOf(state, now, ctx.mode);
  if (ctx.root.dataset.scene !== scene) {
    ctx.root.dataset.scene = scene;
  }
  // The live console lists what each screen shows: say so whenever it changes (ctx.reported is reset on every Join).
  const shown = `${scene}:${categoryId ?? ''}`;
  if (ctx.report && ctx.reported !== shown) {
    ctx.reported = shown;
    ctx.report(scene, categoryId);
  }
  const stage = stageCategory(state, scene === 'stage' ? categoryId : null);
  for (const item of document.querySelectorAll('#stage .stage-item')) {
    item.classList.toggle('is-focus', item.dataset.category === stage);
  }
  const reveal = scene === 'reveal' ? categoryId ?? [...state.reveals.keys()].pop() : [...state.reveals.keys()].pop();
  for (const section of document.querySelectorAll('#scoreboard .reveal')) {
    section.classList.toggle('is-focus', section.dataset.category === reveal);
  }
};
