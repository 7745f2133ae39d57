// The venue screen's and the overlay's scene (src/VakkanjersLive.Web/wwwroot/js/live/scene.js), run with
// `node --test tests/js/`: what happened last, while it still shows something, else the fixed order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedItemTypes as T } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import { applyItem, applySnapshot, initialState } from '../../src/VakkanjersLive.Web/wwwroot/js/live/reducer.js';
import { audienceCategories, sceneOf, stageCategory } from '../../src/VakkanjersLive.Web/wwwroot/js/live/scene.js';

const team = (id) => ({ id, name: `Team ${id}`, school: 'School', project: 'Project' });
const poll = (extra = {}) => ({ id: 'p1', question: 'Wie wint?', state: 'open', resultsVisible: false, options: [], ...extra });
const question = { id: 'q1', nickname: 'Uil', text: 'Hoe?', votes: 0, answered: false, asked: 1 };
const now = Date.parse('2026-06-01T09:00:00Z');
const apply = (state, ...items) => items.reduce(applyItem, state);
const scene = (state) => sceneOf(state, now).scene;

describe('scenes', () => {
  test('nothing going on: the join QR code', () => {
    assert.equal(scene(initialState()), 'join');
  });

  test('the latest happening wins while it shows something; a question taken off hands back', () => {
    let state = apply(initialState(), { position: 1, type: T.Stage, categoryId: 'c1', categoryName: 'Junior', team: team('t1') });
    assert.equal(scene(state), 'stage');
    state = apply(state, { position: 2, type: T.PollOpen, poll: poll() });
    assert.equal(scene(state), 'poll');
    state = apply(state, { position: 3, type: T.QuestionHighlight, questionId: 'q1', question });
    assert.equal(scene(state), 'question');
    // A new team on stage comes forward over the question.
    state = apply(state, { position: 4, type: T.Stage, categoryId: 'c2', categoryName: 'Scout', team: team('t2') });
    assert.deepEqual(sceneOf(state, now), { scene: 'stage', categoryId: 'c2' });
    assert.equal(stageCategory(state, 'c2'), 'c2');
    state = apply(state, { position: 5, type: T.RevealStart, categoryId: 'c1', categoryName: 'Junior', total: 3 });
    assert.deepEqual(sceneOf(state, now), { scene: 'reveal', categoryId: 'c1' });
  });

  test('tallies of a poll already on screen bring nothing forward', () => {
    let state = apply(initialState(), { position: 1, type: T.PollResults, poll: poll({ resultsVisible: true }) });
    state = apply(state, { position: 2, type: T.QuestionHighlight, questionId: 'q1', question });
    state = apply(state, { position: 3, type: T.PollResults, poll: poll({ resultsVisible: true, totalVotes: 12 }) });
    assert.equal(scene(state), 'question');
  });

  test('a countdown that has run out hands the screen to the next scene', () => {
    const state = apply(initialState(),
      { position: 1, type: T.Stage, categoryId: 'c1', categoryName: 'Junior', team: team('t1') },
      { position: 2, type: T.Countdown, endsAt: new Date(now + 60_000).toISOString(), label: 'Start' });
    assert.equal(sceneOf(state, now).scene, 'countdown');
    assert.equal(sceneOf(state, now + 61_000).scene, 'stage');
  });

  test('after a snapshot: a question, a poll on screen, a reveal under way, a countdown, the stage, in that order', () => {
    const base = { position: 10, stage: [{ categoryId: 'c1', categoryName: 'Junior', team: team('t1') }], reveals: [], chat: [], questions: [] };
    assert.equal(scene(applySnapshot(initialState(), base)), 'stage');
    assert.equal(scene(applySnapshot(initialState(), { ...base, reveals: [{ categoryId: 'c1', categoryName: 'Junior', total: 3, revealed: [] }] })), 'reveal');
    assert.equal(scene(applySnapshot(initialState(), { ...base, reveals: [{ categoryId: 'c1', categoryName: 'Junior', total: 0, revealed: [] }] })), 'stage');
    assert.equal(scene(applySnapshot(initialState(), { ...base, poll: poll() })), 'poll');
    assert.equal(scene(applySnapshot(initialState(), { ...base, poll: poll(), questions: [question], highlightedQuestionId: 'q1' })), 'question');
  });
});

describe('the producer\'s scene', () => {
  const onStage = { position: 1, type: T.Stage, categoryId: 'c1', categoryName: 'Junior', team: team('t1') };
  const chosen = (position, display, sceneName, categoryId = null) => ({ position, type: T.Scene, display, scene: sceneName, categoryId });

  test('a fixed scene wins over the state on its display only; auto hands back to the state', () => {
    let state = apply(initialState(), onStage, { position: 2, type: T.PollOpen, poll: poll() });
    state = apply(state, chosen(3, 'screen', 'join'));
    assert.deepEqual(sceneOf(state, now, 'screen'), { scene: 'join', categoryId: null });
    assert.equal(sceneOf(state, now, 'overlay').scene, 'poll');
    // What happens after the choice does not take the fixed screen back.
    state = apply(state, { position: 4, type: T.QuestionHighlight, questionId: 'q1', question });
    assert.equal(sceneOf(state, now, 'screen').scene, 'join');
    state = apply(state, chosen(5, 'screen', 'auto'));
    assert.equal(sceneOf(state, now, 'screen').scene, 'question');
  });

  test('a blank scene, and the reveal of a chosen category', () => {
    let state = apply(initialState(), onStage,
      { position: 2, type: T.RevealStart, categoryId: 'c1', categoryName: 'Junior', total: 2 },
      { position: 3, type: T.RevealStart, categoryId: 'c2', categoryName: 'Senior', total: 2 });
    state = apply(state, chosen(4, 'overlay', 'reveal', 'c1'));
    assert.deepEqual(sceneOf(state, now, 'overlay'), { scene: 'reveal', categoryId: 'c1' });
    assert.deepEqual(sceneOf(state, now, 'screen'), { scene: 'reveal', categoryId: 'c2' });
    state = apply(state, chosen(5, 'screen', 'blank'));
    assert.equal(sceneOf(state, now, 'screen').scene, 'blank');
  });

  test('a fixed scene with nothing left to show falls back to the state\'s choice', () => {
    let state = apply(initialState(), onStage, { position: 2, type: T.PollOpen, poll: poll() }, chosen(3, 'screen', 'poll'));
    assert.equal(sceneOf(state, now, 'screen').scene, 'poll');
    state = apply(state, { position: 4, type: T.PollClosed, poll: poll({ state: 'closed' }) });
    assert.equal(sceneOf(state, now, 'screen').scene, 'stage');
  });

  test('a late-joining screen takes the choice from the snapshot', () => {
    const base = { position: 10, stage: [{ categoryId: 'c1', categoryName: 'Junior', team: team('t1') }], reveals: [], chat: [], questions: [] };
    const state = applySnapshot(initialState(), { ...base, scenes: [chosen(10, 'screen', 'join'), chosen(10, 'overlay', 'auto')] });
    assert.equal(sceneOf(state, now, 'screen').scene, 'join');
    assert.equal(sceneOf(state, now, 'overlay').scene, 'stage');
    // An older server's snapshot without scenes: automatic.
    assert.equal(sceneOf(applySnapshot(initialState(), base), now, 'screen').scene, 'stage');
  });
});

describe('the phone\'s category', () => {
  const stage = (position, categoryId, t) => ({ position, type: T.Stage, categoryId, categoryName: categoryId, team: t });

  test('by default the categories on stage; a picked category is kept while it exists', () => {
    const state = apply(initialState(), stage(1, 'c1', team('t1')), stage(2, 'c2', null), stage(3, 'c3', team('t3')));
    assert.deepEqual(audienceCategories(state, null), ['c1', 'c3']);
    assert.deepEqual(audienceCategories(state, 'c2'), ['c2']);
    assert.deepEqual(audienceCategories(state, 'gone'), ['c1', 'c3']);
    assert.deepEqual(audienceCategories(apply(initialState(), stage(1, 'c1', null), stage(2, 'c2', null)), null), ['c1']);
    assert.deepEqual(audienceCategories(initialState(), null), []);
  });
});
