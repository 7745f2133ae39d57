// Generated from the [BrowserProtocol] classes of VakkanjersLive.Web; do not edit. The test
// BrowserProtocolTests fails when this file and the C# differ. Regenerate with:
//   VKL_WRITE_PROTOCOL=1 dotnet test tests/VakkanjersLive.Web.Tests --filter FullyQualifiedName~BrowserProtocolTests

export const FeedItemTypes = Object.freeze({
  Stage: "stage",
  Chat: "chat",
  ChatHidden: "chat-hidden",
  ChatCleared: "chat-cleared",
  ChatSettings: "chat-settings",
  Pinned: "pinned",
  Announcement: "announcement",
  Stream: "stream",
  Reactions: "reactions",
  Countdown: "countdown",
  RevealStart: "reveal-start",
  RevealStep: "reveal-step",
  PollOpen: "poll-open",
  PollClosed: "poll-closed",
  PollResults: "poll-results",
  Questions: "questions",
  Question: "question",
  QuestionVotes: "question-votes",
  QuestionHidden: "question-hidden",
  QuestionHighlight: "question-highlight",
});

export const ViewerKinds = Object.freeze({
  Audience: "audience",
  Screen: "screen",
});
