// Which panels an applied item re-renders, and the one render pass after each change of the feed state.
import { FeedItemTypes as T } from './protocol.js';
import { renderAnnouncement, renderChat, renderChatState } from './chat.js';
import { renderCountdown } from './countdown.js';
import { renderPoll } from './poll.js';
import { renderQuestions } from './questions.js';
import { renderScoreboard } from './reveal.js';
import { applyScene } from './scene.js';
import { renderSegment } from './segment.js';
import { filterScoreboard, renderStage } from './stage.js';
import { renderStream } from './stream.js';

/** The panels a snapshot renders, in this order. */
const panels = ['poll', 'questions', 'chat', 'chatState', 'stream', 'stage', 'scoreboard', 'countdown', 'announcement', 'segment'];

/** One entry per feed item type: the panels it changes. Every FeedItemTypes value has one (tests/js). */
export const itemPanels = Object.freeze({
  [T.Stage]: ['stage'],
  [T.Chat]: ['chat'],
  [T.ChatHidden]: ['chat'],
  [T.ChatCleared]: ['chat', 'questions'],
  [T.ChatSettings]: ['chatState'],
  [T.Pinned]: ['chatState'],
  [T.Announcement]: ['announcement'],
  [T.Stream]: ['stream'],
  [T.Reactions]: ['stage'],
  [T.Countdown]: ['countdown'],
  [T.RevealStart]: ['scoreboard'],
  [T.RevealStep]: ['scoreboard'],
  [T.RevealPause]: ['scoreboard'],
  [T.PollOpen]: ['poll'],
  [T.PollClosed]: ['poll'],
  [T.PollResults]: ['poll'],
  [T.Questions]: ['questions'],
  [T.Question]: ['questions'],
  [T.QuestionVotes]: ['questions'],
  [T.QuestionHidden]: ['questions'],
  [T.QuestionHighlight]: ['questions'],
  [T.PitchTimer]: ['stage'],
  [T.Segment]: ['segment'],
  // The scene itself is applied after every change (applyScene); the stage card names the chosen category.
  [T.Scene]: ['stage'],
});

/** The panels to re-render for a change: all of them after a snapshot, else those of the applied items. */
export const panelsFor = ({ applied = [], snapshot = false }) => {
  const changed = new Set(snapshot ? panels : applied.flatMap((item) => itemPanels[item.type] ?? []));
  return panels.filter((panel) => changed.has(panel));
};

/** Renders `state` after a change `{ applied, snapshot }` (see reducer.js). */
export const render = (state, ctx, change) => {
  const steps = (change.applied ?? []).filter((item) => item.type === T.RevealStep);
  const renderers = {
    poll: () => renderPoll(state, ctx),
    questions: () => renderQuestions(state, ctx),
    chat: () => renderChat(state, ctx, { reset: change.snapshot }),
    chatState: () => renderChatState(state, ctx),
    stream: () => renderStream(state, ctx),
    stage: () => renderStage(state, ctx),
    scoreboard: () => {
      renderScoreboard(state, ctx, { latest: steps[steps.length - 1] ?? null, winner: steps.some((s) => s.winner) });
      filterScoreboard(state, ctx);
    },
    countdown: () => renderCountdown(state),
    announcement: () => renderAnnouncement(state),
    segment: () => renderSegment(state, ctx),
  };
  for (const panel of panelsFor(change)) {
    renderers[panel]();
  }
  applyScene(state, ctx);
};
