using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

/// <summary>Audience questions on <see cref="LiveEvent"/>: held for review, approval, upvotes, highlight, answers.</summary>
public sealed class QuestionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 19, 30, 0, TimeSpan.FromHours(2));

    private readonly LiveEvent _event = Scenario.NewEvent();
    private readonly Guid _viewer = Guid.NewGuid();

    private LiveEvent On => _event.Then(_event.SwitchQuestions(true));

    private static LiveEvent Asked(LiveEvent state, Guid questionId, string text = "Hoe word je ingenieur?", Guid? viewerId = null) =>
        state.Then(state.AskQuestion(questionId, viewerId ?? Guid.NewGuid(), "Slimme Vos 42", text, Now));

    private static LiveEvent Approved(LiveEvent state, Guid questionId, string text = "Hoe word je ingenieur?", Guid? viewerId = null)
    {
        var asked = Asked(state, questionId, text, viewerId);
        return asked.Then(asked.ApproveQuestion(questionId));
    }

    private static LiveEvent Upvoted(LiveEvent state, Guid questionId, int times)
    {
        for (var i = 0; i < times; i++)
        {
            state = state.Then(state.Upvote(questionId, Guid.NewGuid()));
        }

        return state;
    }

    [Fact]
    public void AQuestion_IsAlwaysHeld_AndTrimmed()
    {
        var questionId = Guid.NewGuid();
        var fact = On.AskQuestion(questionId, _viewer, "Slimme Vos 42", "  Hoe word je ingenieur?  ", Now);
        var state = On.Then(fact);

        Assert.Equal("Hoe word je ingenieur?", fact.Text);
        Assert.Equal(QuestionStatus.Held, state.FindQuestion(questionId)!.Status);
        Assert.Single(state.HeldQuestions);
        Assert.Empty(state.ApprovedQuestions);
    }

    [Fact]
    public void Asking_WhileQuestionsAreOff_IsRejected_AndEveryEventStartsWithThemOff()
    {
        Assert.False(_event.QuestionsEnabled);
        Rejected.With("question.off", () => _event.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "Vraag?", Now));
        var off = On.Then(On.SwitchQuestions(false));
        Rejected.With("question.off", () => off.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "Vraag?", Now));
    }

    [Fact]
    public void Asking_ChecksTextAndIds()
    {
        Rejected.With("question.text.required", () => On.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "   ", Now));
        Rejected.With("question.text.too-long", () => On.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", new string('v', LiveEvent.MaxQuestionLength + 1), Now));
        Rejected.With("question.text.invalid-characters", () => On.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "vr\u200Baag", Now));
        Rejected.With("question.text.zalgo", () => On.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "h\u0336\u0337\u0338\u0339allo", Now));
        Rejected.With("id.invalid", () => On.AskQuestion(Guid.Empty, _viewer, "Slimme Vos 42", "Vraag?", Now));
        Rejected.With("id.invalid", () => On.AskQuestion(Guid.NewGuid(), Guid.Empty, "Slimme Vos 42", "Vraag?", Now));
        var questionId = Guid.NewGuid();
        Rejected.With("id.invalid", () => Asked(On, questionId).AskQuestion(questionId, _viewer, "Slimme Vos 42", "Nog een", Now));
        Assert.Equal(LiveEvent.MaxQuestionLength, On.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", new string('v', LiveEvent.MaxQuestionLength), Now).Text.Length);
    }

    [Fact]
    public void BannedAndTimedOutViewers_CannotAsk_OrUpvote()
    {
        var questionId = Guid.NewGuid();
        var state = Approved(On, questionId);
        state = state.Then(state.PostChat(Guid.NewGuid(), _viewer, "Slimme Vos 42", "hoi", Now));
        var timedOut = state.Then(state.TimeOut(_viewer, 60, Now));

        var error = Rejected.With("question.timed-out", () => timedOut.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "Vraag?", Now.AddSeconds(20)));
        Assert.Equal([40], error.Arguments);
        Assert.NotNull(timedOut.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "Vraag?", Now.AddSeconds(61)));

        var banned = state.Then(state.Ban(_viewer));
        Rejected.With("question.banned", () => banned.AskQuestion(Guid.NewGuid(), _viewer, "Slimme Vos 42", "Vraag?", Now));
        Rejected.With("question.banned", () => banned.Upvote(questionId, _viewer));
    }

    [Fact]
    public void ABan_TakesTheViewersQuestionsDown_AndEndsTheirHighlight()
    {
        var (shown, held) = (Guid.NewGuid(), Guid.NewGuid());
        var state = Approved(On, shown, viewerId: _viewer);
        state = Asked(state, held, "Nog een vraag", _viewer);
        state = state.Then(state.HighlightQuestion(shown));
        state = state.Then(state.PostChat(Guid.NewGuid(), _viewer, "Slimme Vos 42", "hoi", Now));

        state = state.Then(state.Ban(_viewer));

        Assert.Equal(QuestionStatus.Hidden, state.FindQuestion(shown)!.Status);
        Assert.Equal(QuestionStatus.Rejected, state.FindQuestion(held)!.Status);
        Assert.Null(state.HighlightedQuestionId);
    }

    [Fact]
    public void OnlyHeldQuestions_CanBeApproved_AndRejecting_HidesHeldOrApprovedOnes()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = Approved(On, a);
        state = Asked(state, b, "Tweede vraag");

        Rejected.With("question.not-held", () => state.ApproveQuestion(a));
        Rejected.With("question.not-held", () => state.ApproveQuestion(c));

        state = state.Then(state.RejectQuestion(b));
        state = state.Then(state.RejectQuestion(a));

        Assert.Equal(QuestionStatus.Rejected, state.FindQuestion(b)!.Status);
        Assert.Equal(QuestionStatus.Hidden, state.FindQuestion(a)!.Status);
        Assert.Empty(state.ApprovedQuestions);
        Rejected.With("question.unknown", () => state.RejectQuestion(a));
        Rejected.With("question.not-held", () => state.ApproveQuestion(b));
    }

    [Fact]
    public void Upvotes_AreOnePerViewer_AndCanBeWithdrawn()
    {
        var questionId = Guid.NewGuid();
        var state = Approved(On, questionId);

        state = state.Then(state.Upvote(questionId, _viewer));
        Rejected.With("question.already-upvoted", () => state.Upvote(questionId, _viewer));
        Assert.Equal(1, state.FindQuestion(questionId)!.Votes);

        state = state.Then(state.WithdrawUpvote(questionId, _viewer));
        Assert.Equal(0, state.FindQuestion(questionId)!.Votes);
        Rejected.With("question.not-upvoted", () => state.WithdrawUpvote(questionId, _viewer));

        state = state.Then(state.Upvote(questionId, _viewer));
        Assert.Equal(1, state.FindQuestion(questionId)!.Votes);
    }

    [Fact]
    public void HeldOrRejectedQuestions_AreUnknownToUpvoters_AndUpvotesStopWhenQuestionsAreOff()
    {
        var (held, rejected, shown) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = Asked(On, held);
        state = Asked(state, rejected, "Weg ermee");
        state = state.Then(state.RejectQuestion(rejected));
        state = Approved(state, shown, "Zichtbaar");

        Rejected.With("question.unknown", () => state.Upvote(held, _viewer));
        Rejected.With("question.unknown", () => state.Upvote(rejected, _viewer));
        Rejected.With("question.unknown", () => state.Upvote(Guid.NewGuid(), _viewer));
        Rejected.With("id.invalid", () => state.Upvote(shown, Guid.Empty));
        var off = state.Then(state.SwitchQuestions(false));
        Rejected.With("question.off", () => off.Upvote(shown, _viewer));
    }

    [Fact]
    public void ApprovedQuestions_AreOrderedByUpvotes_ThenByTime_WithAnsweredOnesLast()
    {
        var (first, second, third, fourth) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = Approved(On, first, "eerste");
        state = Approved(state, second, "tweede");
        state = Approved(state, third, "derde");
        state = Approved(state, fourth, "vierde");
        state = Upvoted(state, third, 2);
        state = Upvoted(state, second, 1);
        state = Upvoted(state, fourth, 2);
        state = Upvoted(state, first, 5);
        state = state.Then(state.AnswerQuestion(first));

        Assert.Equal(["derde", "vierde", "tweede", "eerste"], state.ApprovedQuestions.Select(q => q.Text));
    }

    [Fact]
    public void OneQuestionAtATime_IsHighlighted_AndAnsweringOrHidingIt_EndsTheHighlight()
    {
        var (a, b, held) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = Approved(On, a);
        state = Approved(state, b, "Tweede");
        state = Asked(state, held, "Wacht nog");

        Rejected.With("question.not-approved", () => state.HighlightQuestion(held));
        Rejected.With("question.not-approved", () => state.HighlightQuestion(Guid.NewGuid()));
        state = state.Then(state.HighlightQuestion(a));
        Assert.Equal(a, state.HighlightedQuestionId);
        state = state.Then(state.HighlightQuestion(b));
        Assert.Equal(b, state.HighlightedQuestionId);

        state = state.Then(state.AnswerQuestion(b));
        Assert.Null(state.HighlightedQuestionId);
        Assert.True(state.FindQuestion(b)!.Answered);
        Rejected.With("question.already-answered", () => state.AnswerQuestion(b));
        Rejected.With("question.already-answered", () => state.HighlightQuestion(b));
        Rejected.With("question.not-approved", () => state.AnswerQuestion(held));

        state = state.Then(state.HighlightQuestion(a));
        state = state.Then(state.RejectQuestion(a));
        Assert.Null(state.HighlightedQuestionId);

        state = state.Then(state.HighlightQuestion(null));
        Assert.Null(state.HighlightedQuestionId);
    }

    [Fact]
    public void ChatPurged_ErasesQuestionsAndTheHighlight()
    {
        var questionId = Guid.NewGuid();
        var state = Approved(On, questionId);
        state = state.Then(state.HighlightQuestion(questionId));

        state = state.Then(new ChatPurged(0));

        Assert.Empty(state.Questions.All);
        Assert.Null(state.HighlightedQuestionId);
        Assert.True(state.QuestionsEnabled);
    }
}
