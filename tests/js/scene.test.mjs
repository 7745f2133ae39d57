// The venue screen's and the overlay's scene (src/VakkanjersLive.Web/wwwroot/js/live/scene.js), run with
// `node --test tests/js/`: what happened last, while it still shows something, else the fixed order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedItemTypes as T } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import { applyItem, applySnapshot, initialState } from '../../src/VakkanjersLive.Web/wwwroot/js/live/reducer.js';
import { sceneOf, stageCategory } from '../../src/VakkanjersLive.Web/wwwroot/js/live/scene.js';

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
