namespace VakkanjersLive.Domain.Events;

/// <summary>
/// Audience questions ("vragen uit het publiek"): viewers ask, moderators approve or reject, viewers upvote approved
/// questions, the moderator puts one "nu aan de beurt" and marks it answered. Every question waits for review.
/// </summary>
public sealed partial record LiveEvent
{
    public const int MaxQuestionLength = 200;

    /// <summary>Whether viewers may ask and upvote now. Every event starts with questions off.</summary>
    public bool QuestionsEnabled => Questions.Enabled;

    /// <summary>The question "nu aan de beurt", if any; always an approved one.</summary>
    public Guid? HighlightedQuestionId => Questions.HighlightedId;

    public Question? FindQuestion(Guid questionId) => Questions.Find(questionId);

    public IEnumerable<Question> HeldQuestions => Questions.All.Where(q => q.Status == QuestionStatus.Held);

    /// <summary>What the audience sees: approved questions, open ones first, then by upvotes, then oldest first.</summary>
    public IEnumerable<Question> ApprovedQuestions => Questions.All
        .Where(q => q.Status == QuestionStatus.Approved)
        .OrderBy(q => q.Answered)
        .ThenByDescending(q => q.Votes)
        .ThenBy(q => q.AskedAt);

    // ---- decisions -------------------------------------------------------------------------------------------

    public QuestionsSwitched SwitchQuestions(bool enabled)
    {
        EnsureExists();
        return new QuestionsSwitched(enabled);
    }

    /// <summary>
    /// A viewer's question: refused while questions are off, for banned or timed-out viewers (the same rules as chat:
    /// a question is text the room may read) and for zalgo text. Always held for review.
    /// </summary>
    public QuestionAsked AskQuestion(Guid questionId, Guid viewerId, string? nickname, string? text, DateTimeOffset now)
    {
        EnsureExists();
        if (questionId == Guid.Empty || viewerId == Guid.Empty || FindQuestion(questionId) is not null)
        {
            throw new DomainException("id.invalid");
        }

        if (!QuestionsEnabled)
        {
            throw new DomainException("question.off");
        }

        if (Banned.Contains(viewerId))
        {
            throw new DomainException("question.banned");
        }

        if (TimeOuts.TryGetValue(viewerId, out var until) && until > now)
        {
            throw new DomainException("question.timed-out", (int)Math.Ceiling((until - now).TotalSeconds));
        }

        var checkedText = Guard.Text(text, "question.text", MaxQuestionLength);
        return IsZalgo(checkedText)
            ? throw new DomainException("question.text.zalgo")
            : new QuestionAsked(questionId, viewerId, CheckNickname(nickname), checkedText);
    }

    public QuestionApproved ApproveQuestion(Guid questionId) =>
        FindQuestion(questionId) is { Status: QuestionStatus.Held } ? new QuestionApproved(questionId) : throw new DomainException("question.not-held");

    /// <summary>Turns down a held question or takes an approved one down again.</summary>
    public QuestionRejected RejectQuestion(Guid questionId) =>
        FindQuestion(questionId) is { Status: QuestionStatus.Held or QuestionStatus.Approved } ? new QuestionRejected(questionId) : throw new DomainException("question.unknown");

    /// <summary>
    /// One upvote per viewer per question, only on approved questions while questions are on, never from a banned
    /// viewer. A held or rejected question is "unknown" to viewers: its existence is not theirs to learn.
    /// </summary>
    public QuestionUpvoted Upvote(Guid questionId, Guid viewerId)
    {
        var question = EnsureMayUpvote(questionId, viewerId);
        return question.Upvoters.Contains(viewerId) ? throw new DomainException("question.already-upvoted") : new QuestionUpvoted(questionId, viewerId);
    }

    public QuestionUpvoteWithdrawn WithdrawUpvote(Guid questionId, Guid viewerId)
    {
        var question = EnsureMayUpvote(questionId, viewerId);
        return question.Upvoters.Contains(viewerId) ? new QuestionUpvoteWithdrawn(questionId, viewerId) : throw new DomainException("question.not-upvoted");
    }

    /// <summary>Puts an approved, unanswered question "nu aan de beurt" (replacing the previous one); null clears it.</summary>
    public QuestionHighlighted HighlightQuestion(Guid? questionId)
    {
        EnsureExists();
        if (questionId is not { } id)
        {
            return new QuestionHighlighted(null);
        }

        return FindQuestion(id) switch
        {
            { Status: not QuestionStatus.Approved } or null => throw new DomainException("question.not-approved"),
            { Answered: true } => throw new DomainException("question.already-answered"),
            _ => new QuestionHighlighted(id),
        };
    }

    /// <summary>Marks an approved question answered; if it was "nu aan de beurt", the highlight ends with it.</summary>
    public QuestionAnswered AnswerQuestion(Guid questionId) => FindQuestion(questionId) switch
    {
        { Status: not QuestionStatus.Approved } or null => throw new DomainException("question.not-approved"),
        { Answered: true } => throw new DomainException("question.already-answered"),
        _ => new QuestionAnswered(questionId),
    };

    private Question EnsureMayUpvote(Guid questionId, Guid viewerId)
    {
        EnsureExists();
        if (viewerId == Guid.Empty)
        {
            throw new DomainException("id.invalid");
        }

        if (!QuestionsEnabled)
        {
            throw new DomainException("question.off");
        }

        if (FindQuestion(questionId) is not { Status: QuestionStatus.Approved } question)
        {
            throw new DomainException("question.unknown");
        }

        return Banned.Contains(viewerId) ? throw new DomainException("question.banned") : question;
    }
}
