// The audience feed reducer (src/VakkanjersLive.Web/wwwroot/js/live/reducer.js), run with `node --test tests/js/`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedItemTypes as T } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import {
  ChatLimit, applyItem, applyReactionCounts, applySnapshot, initialState, orderedQuestions, receiveBatch, resynced,
  secondsLeft, startResync, visiblePoll,
} from '../../src/VakkanjersLive.Web/wwwroot/js/live/reducer.js';

const snapshot = (overrides = {}) => ({
  position: 10,
  eventName: 'Finale',
  streamUrl: '',
  reactionsEnabled: true,
  countdownEndsAt: null,
  countdownLabel: null,
  stage: [{ categoryId: 'c1', categoryName: 'Techniek', team: null }],
  chat: [{ position: 4, type: T.Chat, messageId: 'm4', nickname: 'Vos', text: 'hallo' }],
  reveals: [],
  chatMode: 'open',
  slowModeSeconds: 0,
  pinnedMessage: '',
  poll: null,
  questionsEnabled: false,
  questions: [],
  highlightedQuestionId: null,
  ...overrides,
});

const joined = (overrides) => applySnapshot(initialState(), snapshot(overrides));
const chat = (position, text = `bericht ${position}`) => ({ position, type: T.Chat, messageId: `m${position}`, nickname: 'Uil', text });
const batch = (after, upTo, ...items) => ({ after, upTo, items });
const texts = (state) => state.chat.map((c) => c.text);
const question = (id, votes, extra = {}) => ({ id, nickname: 'Uil', text: `vraag ${id}`, votes, answered: false, asked: 1, ...extra });
const pollState = (extra = {}) => ({ id: 'p1', question: 'Wie wint?', state: 'open', resultsVisible: false, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], ...extra });

describe('batches', () => {
  test('are applied in order and move last to upTo', () => {
    let state = joined();
    ({ state } = receiveBatch(state, batch(10, 12, chat(11, 'een'), chat(12, 'twee'))));
    const outcome = receiveBatch(state, batch(12, 15, chat(14, 'drie')));
    assert.equal(outcome.resync, false);
    assert.equal(outcome.state.last, 15);
    assert.deepEqual(texts(outcome.state), ['hallo', 'een', 'twee', 'drie']);
    assert.deepEqual(outcome.applied.map((i) => i.position), [14]);
  });

  test('an empty batch that joins up still moves last (positions without public items)', () => {
    const { state } = receiveBatch(joined(), batch(10, 20));
    assert.equal(state.last, 20);
  });

  test('a batch that does not join up asks for a resync and applies nothing', () => {
    const state = joined();
    const outcome = receiveBatch(state, batch(11, 13, chat(12), chat(13)));
    assert.equal(outcome.resync, true);
    assert.equal(outcome.state.resyncing, true);
    assert.equal(outcome.state.last, 10);
    assert.deepEqual(texts(outcome.state), ['hallo']);
    assert.deepEqual(outcome.applied, []);
  });

  test('a duplicate or older batch is ignored', () => {
    let { state } = receiveBatch(joined(), batch(10, 12, chat(11, 'een'), chat(12, 'twee')));
    const again = receiveBatch(state, batch(10, 12, chat(11, 'een'), chat(12, 'twee')));
    assert.equal(again.resync, false);
    assert.deepEqual(again.applied, []);
    assert.deepEqual(texts(again.state), ['hallo', 'een', 'twee']);
    const older = receiveBatch(again.state, batch(5, 8, chat(6, 'oud')));
    assert.deepEqual(texts(older.state), ['hallo', 'een', 'twee']);
    assert.equal(older.state.last, 12);
  });

  test('a batch overlapping what was applied applies only the newer items', () => {
    const { state } = receiveBatch(joined(), batch(10, 12, chat(11, 'een'), chat(12, 'twee')));
    const outcome = receiveBatch(state, batch(11, 13, chat(12, 'twee'), chat(13, 'drie')));
    assert.deepEqual(outcome.applied.map((i) => i.position), [13]);
    assert.deepEqual(texts(outcome.state), ['hallo', 'een', 'twee', 'drie']);
  });

  test('batches arriving during a resync are queued', () => {
    const state = startResync(joined());
    const outcome = receiveBatch(state, batch(10, 11, chat(11)));
    assert.equal(outcome.resync, false);
    assert.deepEqual(outcome.applied, []);
    assert.equal(outcome.state.pending.length, 1);
    assert.equal(outcome.state.last, 10);
  });

  test('the reducer does not change the state it was given', () => {
    const state = joined();
    receiveBatch(state, batch(10, 11, chat(11), { position: 11, type: T.Stage, categoryId: 'c1', categoryName: 'Techniek', team: { id: 't1', name: 'De Vonken' } }));
    assert.deepEqual(texts(state), ['hallo']);
    assert.equal(state.stage.get('c1').team, null);
    assert.equal(state.last, 10);
  });
});

describe('resync', () => {
  test('a batch answer is applied, then the queued batches, de-duplicated by position', () => {
    let { state } = receiveBatch(joined(), batch(12, 14, chat(13), chat(14)));
    state = startResync(state);
    ({ state } = receiveBatch(state, batch(14, 15, chat(15))));
    ({ state } = receiveBatch(state, batch(15, 16, chat(16))));
    const outcome = resynced(state, { ok: true, batch: batch(10, 14, chat(11), chat(12), chat(13), chat(14)) });
    assert.equal(outcome.resync, false);
    assert.equal(outcome.state.resyncing, false);
    assert.deepEqual(outcome.state.pending, []);
    assert.equal(outcome.state.last, 16);
    assert.deepEqual(outcome.state.chat.map((c) => c.position), [4, 11, 12, 13, 14, 15, 16]);
    assert.deepEqual(outcome.applied.map((i) => i.position), [11, 12, 13, 14, 15, 16]);
  });

  test('a snapshot answer replaces the state, and queued batches after it apply', () => {
    let state = joined({ questionsEnabled: true, questions: [question('q1', 3)] });
    state = startResync(state);
    ({ state } = receiveBatch(state, batch(40, 41, chat(41, 'na de snapshot'))));
    const outcome = resynced(state, { ok: true, snapshot: snapshot({ position: 40, chat: [chat(39, 'in de snapshot')] }) });
    assert.equal(outcome.snapshot, true);
    assert.equal(outcome.state.last, 41);
    assert.deepEqual(texts(outcome.state), ['in de snapshot', 'na de snapshot']);
    assert.equal(outcome.state.questions.size, 0);
    assert.equal(outcome.state.questionsEnabled, false);
  });

  test('a queued batch that still does not join up asks again, keeping the batches after it', () => {
    let state = startResync(joined());
    ({ state } = receiveBatch(state, batch(20, 21, chat(21))));
    ({ state } = receiveBatch(state, batch(21, 22, chat(22))));
    const outcome = resynced(state, { ok: true, batch: batch(10, 12, chat(11), chat(12)) });
    assert.equal(outcome.resync, true);
    assert.equal(outcome.state.resyncing, true);
    assert.equal(outcome.state.last, 12);
    assert.deepEqual(outcome.state.pending.map((b) => b.after), [21]);
  });

  test('live.too-fast keeps queueing and asks to retry later', () => {
    let state = startResync(joined());
    ({ state } = receiveBatch(state, batch(12, 13, chat(13))));
    const outcome = resynced(state, { ok: false, code: 'live.too-fast' });
    assert.equal(outcome.retry, true);
    assert.equal(outcome.state.resyncing, true);
    assert.equal(outcome.state.pending.length, 1);
    assert.equal(receiveBatch(outcome.state, batch(13, 14, chat(14))).state.pending.length, 2);
  });

  test('a failed call (connection dropped) stops resyncing and applies what joins up', () => {
    let state = startResync(joined());
    ({ state } = receiveBatch(state, batch(10, 11, chat(11, 'een'))));
    const outcome = resynced(state, {});
    assert.equal(outcome.state.resyncing, false);
    assert.deepEqual(texts(outcome.state), ['hallo', 'een']);
  });
});

describe('snapshot on join', () => {
  test('sets every panel from the snapshot', () => {
    const state = joined({
      countdownEndsAt: '2026-12-01T20:00:00Z',
      countdownLabel: 'Uitslag',
      reveals: [{ categoryId: 'c1', categoryName: 'Techniek', total: 3, revealed: [{ step: 1, rank: 3 }] }],
      poll: pollState(),
      questionsEnabled: true,
      questions: [question('q1', 2)],
      highlightedQuestionId: 'q1',
      pinnedMessage: 'Welkom',
      chatMode: 'paused',
      slowModeSeconds: 5,
      streamUrl: 'https://youtu.be/abc',
    });
    assert.equal(state.last, 10);
    assert.deepEqual(state.countdown, { endsAt: '2026-12-01T20:00:00Z', label: 'Uitslag' });
    assert.equal(state.reveals.get('c1').total, 3);
    assert.equal(state.poll.id, 'p1');
    assert.equal(state.highlighted, 'q1');
    assert.equal(state.pinned, 'Welkom');
    assert.equal(state.chatMode, 'paused');
    assert.equal(state.slowMode, 5);
    assert.equal(state.streamUrl, 'https://youtu.be/abc');
    assert.deepEqual([...state.stage.keys()], ['c1']);
  });

  test('keeps reaction counts and the announcement across a snapshot', () => {
    let state = applyReactionCounts(joined(), { counts: [{ teamId: 't1', kind: 'heart', total: 7, burst: 1 }] });
    state = applyItem(state, { position: 11, type: T.Announcement, messageId: 'a1', text: 'Pauze' });
    state = applySnapshot(state, snapshot({ position: 30 }));
    assert.equal(state.counts.get('t1:heart'), 7);
    assert.equal(state.announcement, 'Pauze');
  });
});

describe('items', () => {
  test('stage: a team goes on stage, then nobody; categories keep their order', () => {
    let state = joined({ stage: [{ categoryId: 'c1', categoryName: 'Techniek' }, { categoryId: 'c2', categoryName: 'Zorg' }] });
    state = applyItem(state, { position: 11, type: T.Stage, categoryId: 'c2', categoryName: 'Zorg', team: { id: 't1', name: 'De Vonken' } });
    assert.equal(state.stage.get('c2').team.name, 'De Vonken');
    state = applyItem(state, { position: 12, type: T.Stage, categoryId: 'c2', categoryName: 'Zorg' });
    assert.equal(state.stage.get('c2').team, null);
    assert.deepEqual([...state.stage.keys()], ['c1', 'c2']);
  });

  test('chat: the same position twice is one line, and at most ChatLimit lines are kept', () => {
    let state = joined({ chat: [] });
    for (let p = 11; p <= 11 + ChatLimit + 4; p++) {
      state = applyItem(state, chat(p));
    }
    state = applyItem(state, chat(11 + ChatLimit + 4));
    assert.equal(state.chat.length, ChatLimit);
    assert.equal(state.chat[0].position, 16);
  });

  test('chat-hidden takes the message out', () => {
    let state = applyItem(joined(), chat(11));
    state = applyItem(state, { position: 12, type: T.ChatHidden, messageId: 'm4' });
    assert.deepEqual(state.chat.map((c) => c.messageId), ['m11']);
  });

  test('chat-cleared erases chat and questions together', () => {
    let state = joined({ questionsEnabled: true, questions: [question('q1', 1)], highlightedQuestionId: 'q1' });
    state = applyItem(state, { position: 11, type: T.ChatCleared });
    assert.deepEqual(state.chat, []);
    assert.equal(state.questions.size, 0);
    assert.equal(state.highlighted, null);
    assert.equal(state.questionsEnabled, true);
  });

  test('chat-settings, pinned, stream, reactions', () => {
    let state = applyItem(joined(), { position: 11, type: T.ChatSettings, mode: 'off', seconds: 10 });
    state = applyItem(state, { position: 12, type: T.Pinned, text: 'Lief zijn' });
    state = applyItem(state, { position: 13, type: T.Stream, url: 'https://vimeo.com/123' });
    state = applyItem(state, { position: 14, type: T.Reactions, enabled: false });
    assert.equal(state.chatMode, 'off');
    assert.equal(state.slowMode, 10);
    assert.equal(state.pinned, 'Lief zijn');
    assert.equal(state.streamUrl, 'https://vimeo.com/123');
    assert.equal(state.reactionsEnabled, false);
  });

  test('countdown: set, then stopped', () => {
    let state = applyItem(joined(), { position: 11, type: T.Countdown, endsAt: '2026-12-01T20:01:30Z', label: 'Start' });
    assert.equal(secondsLeft(state, Date.parse('2026-12-01T20:00:00Z')), 90);
    state = applyItem(state, { position: 12, type: T.Countdown });
    assert.equal(state.countdown, null);
    assert.equal(secondsLeft(state, 0), 0);
  });

  test('poll items replace the poll: open, tallies, closed', () => {
    let state = applyItem(joined(), { position: 11, type: T.PollOpen, poll: pollState() });
    assert.equal(visiblePoll(state, 'screen').state, 'open');
    state = applyItem(state, { position: 12, type: T.PollResults, poll: pollState({ resultsVisible: true, totalVotes: 3, options: [{ id: 'a', text: 'A', votes: 2, percent: 67 }, { id: 'b', text: 'B', votes: 1, percent: 33 }] }) });
    assert.equal(state.poll.totalVotes, 3);
    assert.deepEqual(state.poll.options.map((o) => o.percent), [67, 33]);
    state = applyItem(state, { position: 13, type: T.PollResults, poll: pollState({ resultsVisible: true, totalVotes: 4, options: [{ id: 'a', text: 'A', votes: 2, percent: 50 }, { id: 'b', text: 'B', votes: 2, percent: 50 }] }) });
    assert.equal(state.poll.totalVotes, 4);
    state = applyItem(state, { position: 14, type: T.PollClosed, poll: pollState({ state: 'closed' }) });
    assert.equal(state.poll.state, 'closed');
    assert.equal(visiblePoll(state, 'audience').id, 'p1');
    assert.equal(visiblePoll(state, 'screen'), null, 'a closed poll with hidden results leaves the big screen');
  });

  test('questions: approved, upvoted, ordered, highlighted, answered, hidden', () => {
    let state = applyItem(joined(), { position: 11, type: T.Questions, enabled: true });
    assert.equal(state.questionsEnabled, true);
    state = applyItem(state, { position: 12, type: T.Question, question: question('q1', 0, { asked: 1 }) });
    state = applyItem(state, { position: 13, type: T.Question, question: question('q2', 0, { asked: 2 }) });
    assert.deepEqual(orderedQuestions(state).map((q) => q.id), ['q1', 'q2']);
    state = applyItem(state, { position: 14, type: T.QuestionVotes, question: question('q2', 5, { asked: 2 }) });
    assert.deepEqual(orderedQuestions(state).map((q) => q.id), ['q2', 'q1']);
    state = applyItem(state, { position: 15, type: T.QuestionHighlight, questionId: 'q2', question: question('q2', 5, { asked: 2 }) });
    assert.equal(state.highlighted, 'q2');
    state = applyItem(state, { position: 16, type: T.Question, question: question('q2', 5, { asked: 2, answered: true }) });
    assert.equal(state.highlighted, null, 'an answered question is no longer highlighted');
    assert.deepEqual(orderedQuestions(state).map((q) => q.id), ['q1', 'q2'], 'answered questions go last');
    state = applyItem(state, { position: 17, type: T.QuestionHighlight, questionId: 'q1', question: question('q1', 0) });
    state = applyItem(state, { position: 18, type: T.QuestionHidden, questionId: 'q1' });
    assert.equal(state.highlighted, null);
    assert.deepEqual([...state.questions.keys()], ['q2']);
    state = applyItem(state, { position: 19, type: T.QuestionHighlight });
    assert.equal(state.highlighted, null);
  });

  test('reveal: start, steps once each, the winner last', () => {
    let state = applyItem(joined(), { position: 11, type: T.RevealStart, categoryId: 'c1', categoryName: 'Techniek', total: 2 });
    assert.deepEqual(state.reveals.get('c1'), { categoryName: 'Techniek', total: 2, revealed: [] });
    const step = (position, n, winner) => ({ position, type: T.RevealStep, categoryId: 'c1', categoryName: 'Techniek', step: n, total: 2, rank: 3 - n, score: 40 + n, winner });
    state = applyItem(state, step(12, 1, false));
    state = applyItem(state, step(13, 1, false));
    assert.equal(state.reveals.get('c1').revealed.length, 1, 'a step shown twice is one row');
    state = applyItem(state, step(14, 2, true));
    assert.deepEqual(state.reveals.get('c1').revealed.map((s) => [s.step, s.winner]), [[1, false], [2, true]]);
  });

  test('reveal plan: the mentions together, the pause before the winner, then the winner', () => {
    let state = applyItem(joined(), { position: 11, type: T.RevealStart, categoryId: 'c1', categoryName: 'Junior', total: 4 });
    const mention = (n) => ({ position: 12, type: T.RevealStep, categoryId: 'c1', categoryName: 'Junior', step: n, total: 4, mention: true });
    state = receiveBatch({ ...state, last: 11 }, { after: 11, upTo: 12, items: [mention(1), mention(2)] }).state;
    assert.deepEqual(state.reveals.get('c1').revealed.map((s) => [s.step, s.mention, s.rank]), [[1, true, undefined], [2, true, undefined]]);
    state = applyItem(state, { position: 13, type: T.RevealStep, categoryId: 'c1', step: 3, total: 4, rank: 2, score: 7, winner: false });
    state = applyItem(state, { position: 14, type: T.RevealPause, categoryId: 'c1', categoryName: 'Junior' });
    assert.equal(state.reveals.get('c1').paused, true);
    assert.equal(state.reveals.get('c1').revealed.length, 3, 'the pause shows nothing new');
    state = applyItem(state, { position: 15, type: T.RevealStep, categoryId: 'c1', step: 4, total: 4, rank: 1, score: 9, winner: true });
    assert.equal(state.reveals.get('c1').paused, false);
    assert.equal(state.reveals.get('c1').revealed.length, 4);
  });

  test('a snapshot taken during the pause keeps the pause', () => {
    const state = joined({ reveals: [{ categoryId: 'c1', categoryName: 'Junior', total: 2, revealed: [{ step: 1, rank: 2 }], paused: true }] });
    assert.equal(state.reveals.get('c1').paused, true);
  });

  test('a reveal step without its start (joined mid-reveal) starts the reveal', () => {
    const state = applyItem(joined(), { position: 11, type: T.RevealStep, categoryId: 'c9', categoryName: 'Zorg', step: 1, total: 4, rank: 4, score: 1 });
    assert.equal(state.reveals.get('c9').total, 4);
    assert.equal(state.reveals.get('c9').revealed.length, 1);
  });

  test('scene: the producer\'s choice per display, replaced by the next; a snapshot sets both', () => {
    let state = applyItem(joined(), { position: 11, type: T.Scene, display: 'screen', scene: 'poll' });
    state = applyItem(state, { position: 12, type: T.Scene, display: 'overlay', scene: 'reveal', categoryId: 'c1', categoryName: 'Techniek' });
    assert.deepEqual(state.scenes.get('screen'), { scene: 'poll', categoryId: null });
    assert.deepEqual(state.scenes.get('overlay'), { scene: 'reveal', categoryId: 'c1' });
    state = applyItem(state, { position: 13, type: T.Scene, display: 'screen', scene: 'auto' });
    assert.deepEqual(state.scenes.get('screen'), { scene: 'auto', categoryId: null });
    const rejoined = applySnapshot(state, snapshot({ scenes: [{ position: 20, type: T.Scene, display: 'screen', scene: 'join' }] }));
    assert.deepEqual([...rejoined.scenes.entries()], [['screen', { scene: 'join', categoryId: null }]]);
    assert.equal(joined().scenes.size, 0);
  });

  test('an unknown item type changes nothing', () => {
    const state = joined();
    assert.equal(applyItem(state, { position: 11, type: 'something-new' }), state);
  });

  test('reaction counts are kept per team and kind', () => {
    let state = applyReactionCounts(joined(), { counts: [{ teamId: 't1', kind: 'wow', total: 2, burst: 2 }] });
    state = applyReactionCounts(state, { counts: [{ teamId: 't1', kind: 'wow', total: 5, burst: 3 }, { teamId: 't2', kind: 'heart', total: 1, burst: 1 }] });
    assert.equal(state.counts.get('t1:wow'), 5);
    assert.equal(state.counts.get('t2:heart'), 1);
  });
});
