namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Every <c>code</c> a public hub result can carry (docs/hub.md, "Error codes"); messages are the resources
/// <c>Error.{code}</c>. These are wire values: <c>wwwroot/js/live.js</c> and the tests compare them as strings.
/// The hub's own refusals and answers come first; the domain's codes that the hub passes through follow.
/// </summary>
[BrowserProtocol]
public static class HubErrorCodes
{
    // The hub's own.
    public const string PayloadInvalid = "payload.invalid";
    public const string EventUnknown = "live.event.unknown";
    public const string NotJoined = "live.not-joined";

    /// <summary>The connection carries no valid viewer identity (the page's cookie): reload the page to get one.</summary>
    public const string IdentityMissing = "live.identity.missing";

    /// <summary>The client's address has as many open connections as it may have.</summary>
    public const string AddressBusy = "live.address.busy";

    /// <summary>The client's address joins (or tries join codes) faster than it may.</summary>
    public const string AddressTooFast = "live.address.too-fast";

    /// <summary>A venue screen or overlay reads only: it may not chat, vote, ask, upvote, report or react.</summary>
    public const string ScreenReadOnly = "live.screen-read-only";

    /// <summary>A screen or overlay joined without a valid screen token (none, made up, revoked or of another event).</summary>
    public const string ScreenTokenInvalid = "live.screen.token-invalid";

    /// <summary>Only a venue screen or overlay says which scene it shows (<c>ShowingScene</c>).</summary>
    public const string NotAScreen = "live.not-a-screen";
    public const string SyncTooFast = "live.too-fast";

    public const string NicknameBlocked = "chat.nickname.blocked";
    public const string ChatBlockedWord = "chat.blocked-word";
    public const string ChatLink = "chat.link";
    public const string ChatContactDetails = "chat.contact-details";
    public const string ChatTooFast = "chat.too-fast";
    public const string ChatSlowMode = "chat.slow-mode";
    public const string ChatHeld = "chat.held";
    public const string ChatReported = "chat.reported";

    /// <summary>A report's reason has a blocked word, a link or contact details (the report is not stored).</summary>
    public const string ReportReasonRefused = "chat.report.reason-refused";

    public const string PollVoted = "poll.voted";
    public const string PollTooFast = "poll.too-fast";

    public const string QuestionHeld = "question.held";
    public const string QuestionUpvoted = "question.upvoted";
    public const string QuestionUpvoteWithdrawn = "question.upvote-withdrawn";
    public const string QuestionBlockedWord = "question.blocked-word";
    public const string QuestionLink = "question.link";
    public const string QuestionContactDetails = "question.contact-details";
    public const string QuestionTooFast = "question.too-fast";
    public const string QuestionUpvoteTooFast = "question.upvote.too-fast";

    public const string ReactionsOff = "reactions.off";
    public const string ReactionsTooFast = "reactions.too-fast";
    public const string TeamUnknown = "team.unknown";

    // From the domain and the journal, passed through as they are.
    public const string IdInvalid = "id.invalid";
    public const string JournalUnavailable = "journal.unavailable";
    public const string JournalBusy = "journal.busy";

    public const string NicknameInvalid = "chat.nickname.invalid";
    public const string NicknameReserved = "chat.nickname.reserved";
    public const string NicknameTaken = "chat.nickname.taken";
    public const string ChatTextRequired = "chat.text.required";
    public const string ChatTextTooLong = "chat.text.too-long";
    public const string ChatTextInvalidCharacters = "chat.text.invalid-characters";
    public const string ChatTextZalgo = "chat.text.zalgo";
    public const string ChatOff = "chat.off";
    public const string ChatPaused = "chat.paused";
    public const string ChatBanned = "chat.banned";
    public const string ChatTimedOut = "chat.timed-out";
    public const string ChatReportDuplicate = "chat.report.duplicate";
    public const string ChatReportOwn = "chat.report.own";

    public const string PollUnknown = "poll.unknown";
    public const string PollNotOpen = "poll.not-open";
    public const string PollClosed = "poll.closed";
    public const string PollOptionUnknown = "poll.option.unknown";
    public const string PollAlreadyVoted = "poll.already-voted";
    public const string PollBanned = "poll.banned";

    /// <summary>A per-class poll: the viewer did not join with a class code.</summary>
    public const string PollClassRequired = "poll.class.required";

    /// <summary>A per-class poll: a class cannot vote for a team of its own school.</summary>
    public const string PollOwnSchool = "poll.own-school";

    /// <summary>A per-class poll: the class has cast as many votes as the teacher said it has pupils.</summary>
    public const string PollClassFull = "poll.class.full";

    public const string QuestionOff = "question.off";
    public const string QuestionBanned = "question.banned";
    public const string QuestionTimedOut = "question.timed-out";
    public const string QuestionTextRequired = "question.text.required";
    public const string QuestionTextTooLong = "question.text.too-long";
    public const string QuestionTextInvalidCharacters = "question.text.invalid-characters";
    public const string QuestionTextZalgo = "question.text.zalgo";
    public const string QuestionUnknown = "question.unknown";
    public const string QuestionAlreadyUpvoted = "question.already-upvoted";
    public const string QuestionNotUpvoted = "question.not-upvoted";
}
