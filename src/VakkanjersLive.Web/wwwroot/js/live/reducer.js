// The audience feed as a pure function: state + what the hub sent → new state. No DOM, no SignalR, no clock: the
// page renders whatever comes out, and tests/js/reducer.test.mjs runs it under Node.
//
// Every public item carries its journal position. A batch applies the items after the last applied position and
// moves it to the batch's `upTo`; a batch that starts beyond it (`after > last`) means one was missed: the client
// asks Resync(last) and queues batches until the answer is in (then they are de-duplicated by position).
import { FeedItemTypes as T, HubErrorCodes } from './protocol.js';

/** The most chat lines a page keeps (older ones drop off the top). */
export const ChatLimit = 200;

export const initialState = () => ({
  last: -1,
  resyncing: false,
  pending: [],
  stage: new Map(),
  reveals: new Map(),
  reactionsEnabled: true,
  counts: new Map(),
  countdown: null,
  chat: [],
  chatMode: undefined,
  slowMode: undefined,
  pinned: undefined,
  announcement: null,
  streamUrl: null,
  poll: null,
  questionsEnabled: false,
  questions: new Map(),
  highlighted: null,
  // The pitch timer per category, and the offset (ms) from this device's clock to the server's (Join's serverTime).
  timers: new Map(),
  clockOffset: null,
  // What happened last on stage, in the reveal, the poll, the questions or the countdown (scene.js picks the scene).
  focus: null,
  segment: null,
  // The producer's scene per display ('screen', 'overlay'): { scene, categoryId }; absent or 'auto': the state chooses.
  scenes: new Map(),
});

const sceneChoice = (item) => ({ scene: item.scene, categoryId: item.categoryId ?? null });

const timerOf = (item) => ({ teamId: item.team.id, startedAt: item.startedAt, presentationSeconds: item.presentationSeconds, questionSeconds: item.questionSeconds });

/** A stage item for another team ends the category's timer (the server's PitchTimerOf says the same). */
const withoutStaleTimer = (timers, categoryId, team) => {
  if (!timers.has(categoryId) || timers.get(categoryId).teamId === team?.id) {
    return timers;
  }
  const next = new Map(timers);
  next.delete(categoryId);
  return next;
};

const withChat = (chat, item) => {
  if (chat.some((c) => c.position === item.position)) {
    return chat;
  }
  const next = [...chat, item];
  return next.length > ChatLimit ? next.slice(next.length - ChatLimit) : next;
};

const withQuestion = (state, question) => {
  const questions = new Map(state.questions).set(question.id, question);
  // An answered question is no longer "nu aan de beurt".
  const highlighted = question.answered && state.highlighted === question.id ? null : state.highlighted;
  return { ...state, questions, highlighted };
};

const poll = (state, item) => ({ ...state, poll: item.poll });

/** One reducer per feed item type: (state, item) → new state. Every FeedItemTypes value has one (tests/js). */
export const itemReducers = Object.freeze({
  [T.Stage]: (state, item) => ({
    ...state,
    stage: new Map(state.stage).set(item.categoryId, { categoryName: item.categoryName, team: item.team ?? null }),
    timers: withoutStaleTimer(state.timers, item.categoryId, item.team),
  }),
  [T.Chat]: (state, item) => ({ ...state, chat: withChat(state.chat, item) }),
  [T.ChatHidden]: (state, item) => ({ ...state, chat: state.chat.filter((c) => c.messageId !== item.messageId) }),
  // The privacy purge: chat and questions are erased together.
  [T.ChatCleared]: (state) => ({ ...state, chat: [], questions: new Map(), highlighted: null }),
  [T.ChatSettings]: (state, item) => ({ ...state, chatMode: item.mode, slowMode: item.seconds }),
  [T.Pinned]: (state, item) => ({ ...state, pinned: item.text }),
  [T.Announcement]: (state, item) => ({ ...state, announcement: item.text }),
  [T.Stream]: (state, item) => ({ ...state, streamUrl: item.url }),
  [T.Reactions]: (state, item) => ({ ...state, reactionsEnabled: item.enabled }),
  [T.Countdown]: (state, item) => ({ ...state, countdown: item.endsAt ? { endsAt: item.endsAt, label: item.label } : null }),
  [T.RevealStart]: (state, item) => ({
    ...state,
    reveals: new Map(state.reveals).set(item.categoryId, { categoryName: item.categoryName, total: item.total, revealed: [] }),
  }),
  [T.RevealStep]: (state, item) => {
    const reveal = state.reveals.get(item.categoryId) ?? { categoryName: item.categoryName, total: item.total, revealed: [] };
    const revealed = reveal.revealed.some((r) => r.step === item.step) ? reveal.revealed : [...reveal.revealed, item];
    return { ...state, reveals: new Map(state.reveals).set(item.categoryId, { ...reveal, revealed, paused: false }) };
  },
  // The pause before the winner: nothing new is shown, the scoreboard says the winner comes next.
  [T.RevealPause]: (state, item) => {
    const reveal = state.reveals.get(item.categoryId) ?? { categoryName: item.categoryName, total: 0, revealed: [] };
    return { ...state, reveals: new Map(state.reveals).set(item.categoryId, { ...reveal, paused: true }) };
  },
  [T.PollOpen]: poll,
  [T.PollClosed]: poll,
  [T.PollResults]: poll,
  [T.Questions]: (state, item) => ({ ...state, questionsEnabled: item.enabled }),
  [T.Question]: (state, item) => withQuestion(state, item.question),
  [T.QuestionVotes]: (state, item) => withQuestion(state, item.question),
  [T.QuestionHidden]: (state, item) => {
    const questions = new Map(state.questions);
    questions.delete(item.questionId);
    return { ...state, questions, highlighted: state.highlighted === item.questionId ? null : state.highlighted };
  },
  [T.PitchTimer]: (state, item) => {
    const timers = new Map(state.timers);
    if (item.startedAt && item.team) {
      timers.set(item.categoryId, timerOf(item));
    } else {
      timers.delete(item.categoryId);
    }
    return { ...state, timers };
  },
  [T.QuestionHighlight]: (state, item) => ({
    ...state,
    highlighted: item.questionId ?? null,
    questions: item.question ? new Map(state.questions).set(item.question.id, item.question) : state.questions,
  }),
  // An episode's run-of-show moved on: the segment on now and its guests (absent: none on).
  [T.Segment]: (state, item) => ({ ...state, segment: item.segment ?? null }),
  // The producer chose a scene for a display (scene.js shows it while it has something to show).
  [T.Scene]: (state, item) => ({ ...state, scenes: new Map(state.scenes).set(item.display, sceneChoice(item)) }),
});

/**
 * The scene an item brings forward on the venue screen and the overlay (null: none). A tally of a poll whose
 * results were already shown brings nothing forward, so votes never take the screen back from a question.
 */
const focusOf = (state, item) => {
  switch (item.type) {
    case T.Stage:
      return item.team ? 'stage' : null;
    case T.PitchTimer:
      return item.startedAt ? 'stage' : null;
    case T.RevealStart:
    case T.RevealStep:
      return 'reveal';
    case T.PollOpen:
      return 'poll';
    case T.PollResults:
      return item.poll?.resultsVisible && !(state.poll?.id === item.poll.id && state.poll.resultsVisible) ? 'poll' : null;
    case T.QuestionHighlight:
      return item.questionId ? 'question' : null;
    case T.Countdown:
      return item.endsAt ? 'countdown' : null;
    default:
      return null;
  }
};

/** One item, whatever its position (an unknown type changes nothing). */
export const applyItem = (state, item) => {
  const next = itemReducers[item.type]?.(state, item) ?? state;
  const scene = focusOf(state, item);
  return scene ? { ...next, focus: { scene, categoryId: item.categoryId ?? null } } : next;
};

/**
 * The snapshot from Join or Resync replaces what the page had. Kept: reaction counts (their own message), the
 * announcement banner, and the resync bookkeeping.
 */
export const applySnapshot = (state, snapshot) => ({
  ...state,
  last: snapshot.position,
  stage: new Map(snapshot.stage.map((s) => [s.categoryId, { categoryName: s.categoryName, team: s.team ?? null }])),
  reactionsEnabled: snapshot.reactionsEnabled,
  countdown: snapshot.countdownEndsAt ? { endsAt: snapshot.countdownEndsAt, label: snapshot.countdownLabel } : null,
  reveals: new Map(snapshot.reveals.map((r) => [r.categoryId, { categoryName: r.categoryName, total: r.total, revealed: r.revealed, paused: r.paused === true }])),
  chat: snapshot.chat.reduce(withChat, []),
  chatMode: snapshot.chatMode,
  slowMode: snapshot.slowModeSeconds,
  pinned: snapshot.pinnedMessage,
  streamUrl: snapshot.streamUrl,
  poll: snapshot.poll ?? null,
  questionsEnabled: snapshot.questionsEnabled,
  questions: new Map(snapshot.questions.map((q) => [q.id, q])),
  highlighted: snapshot.highlightedQuestionId ?? null,
  timers: new Map((snapshot.timers ?? []).filter((t) => t.startedAt && t.team).map((t) => [t.categoryId, timerOf(t)])),
  focus: null,
  segment: snapshot.segment ?? null,
  scenes: new Map((snapshot.scenes ?? []).map((item) => [item.display, sceneChoice(item)])),
});

/**
 * The offset to the server's clock (see timer.js clockOffset): Join's answer sets it (`reset`, after a reconnect the
 * device's clock may have moved), each feed batch's sample can only raise it. The pitch timer reads on it.
 */
export const withClockOffset = (state, offset, reset = false) =>
  ({ ...state, clockOffset: reset || state.clockOffset === null ? offset : Math.max(state.clockOffset, offset) });

/**
 * A `Feed` batch: `{ state, applied, resync }`. While a resync is under way the batch is queued; a batch that does
 * not join up (`after > last`) asks for a resync (`resync: true`, the caller invokes Resync(state.last)); otherwise
 * the items after `last` are applied and `last` becomes `upTo`. `applied` lists the items that were applied.
 */
export const receiveBatch = (state, batch) => {
  if (state.resyncing) {
    return { state: { ...state, pending: [...state.pending, batch] }, applied: [], resync: false };
  }
  if (batch.after > state.last) {
    return { state: { ...state, resyncing: true }, applied: [], resync: true };
  }
  const applied = batch.items.filter((item) => item.position > state.last);
  const next = applied.reduce(applyItem, state);
  return { state: { ...next, last: Math.max(state.last, batch.upTo) }, applied, resync: false };
};

/** Resync(last) is about to be invoked: batches queue until {@link resynced}. */
export const startResync = (state) => ({ ...state, resyncing: true });

/**
 * The answer to Resync (or `{}` when the call failed: the connection dropped, the rejoin resyncs):
 * `{ state, applied, snapshot, resync, retry }`. A snapshot replaces the state, a batch is applied; then the batches
 * that queued meanwhile are applied in order. `retry`: asked too often (`live.too-fast`), batches keep queueing and
 * the caller tries again in a few seconds. `resync`: a queued batch still did not join up, ask again.
 */
export const resynced = (state, result) => {
  if (result.code === HubErrorCodes.SyncTooFast && !result.snapshot && !result.batch) {
    return { state: { ...state, resyncing: true }, applied: [], snapshot: false, resync: false, retry: true };
  }
  let next = { ...state, resyncing: false, pending: [] };
  const applied = [];
  const snapshot = Boolean(result.snapshot);
  const batches = result.snapshot ? state.pending : [...(result.batch ? [result.batch] : []), ...state.pending];
  if (result.snapshot) {
    next = applySnapshot(next, result.snapshot);
  }
  for (let i = 0; i < batches.length; i++) {
    const outcome = receiveBatch(next, batches[i]);
    next = outcome.state;
    applied.push(...outcome.applied);
    if (outcome.resync) {
      return { state: { ...next, pending: batches.slice(i + 1) }, applied, snapshot, resync: true, retry: false };
    }
  }
  return { state: next, applied, snapshot, resync: false, retry: false };
};

/** The `Reactions` message: totals per team and kind (the burst animation is the renderer's). */
export const applyReactionCounts = (state, message) => {
  const counts = new Map(state.counts);
  for (const count of message.counts) {
    counts.set(`${count.teamId}:${count.kind}`, count.total);
  }
  return { ...state, counts };
};

/** Open questions first, then most upvoted, then asked earliest (as the moderators' console). */
export const orderedQuestions = (state) =>
  [...state.questions.values()].sort((a, b) => (a.answered - b.answered) || (b.votes - a.votes) || (a.asked - b.asked));

/** Phones keep the current poll; the screen and the overlay show it while it is open or its results are shown. */
export const visiblePoll = (state, mode) =>
  state.poll && (mode === 'audience' || state.poll.state === 'open' || state.poll.resultsVisible) ? state.poll : null;

/** Seconds left on the countdown at `now` (milliseconds), 0 when none. */
export const secondsLeft = (state, now) =>
  state.countdown ? Math.max(0, Math.round((new Date(state.countdown.endsAt) - now) / 1000)) : 0;
