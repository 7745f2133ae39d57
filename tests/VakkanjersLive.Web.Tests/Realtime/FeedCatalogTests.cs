using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Tests.Realtime;

/// <summary>
/// Every fact type has a feed decision (items, or explicitly never public) in its part's feed, secrets stay secret in
/// the states where they could leak, and the feed side of cross-part rules holds. A new fact without a decision fails.
/// </summary>
public sealed class FeedCatalogTests
{
    [Fact]
    public void EveryFactType_HasAFeedDecision()
    {
        var factTypes = typeof(ILiveEventFact).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILiveEventFact).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(factTypes, FeedCatalog.Decided.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecretFacts_AreNeverPublic()
    {
        var e = LiveEvent.Empty;

        Assert.Empty(FeedCatalog.ToItems(e, new ScoreSubmitted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [], "goed", false, string.Empty, false), 1));
        Assert.DoesNotContain(FeedCatalog.ToItems(e, new RevealPrepared(Guid.NewGuid(), false, [new RevealEntry(Guid.NewGuid(), 1, 9.5, false)]), 1), i => i.Score is not null || i.Team is not null);
        Assert.Empty(FeedCatalog.ToItems(e, new ChatHeld(Guid.NewGuid(), Guid.NewGuid(), "Vos", "geheim"), 1));
        Assert.Empty(FeedCatalog.ToItems(e, new QuestionAsked(Guid.NewGuid(), Guid.NewGuid(), "Vos", "geheim"), 1));
    }

    [Fact]
    public void SecretsThatDependOnState_AreNeverPublic()
    {
        var poll = Guid.NewGuid();
        var option = Guid.NewGuid();
        var e = EventScenario.Created()
            .Then(new PollCreated(poll, "Wie wint?", [new PollOption(option, "De Makers"), new PollOption(Guid.NewGuid(), "De Bouwers")], ResultsLive: false))
            .Then(new PollOpened(poll));
        var vote = new VoteCast(poll, option, Guid.NewGuid());

        Assert.Empty(FeedCatalog.ToItems(e.Then(vote), vote, 3));
        var rehearsal = new RevealPrepared(Guid.NewGuid(), true, [new RevealEntry(Guid.NewGuid(), 1, 9.5, false)]);
        Assert.Empty(FeedCatalog.ToItems(e.Then(rehearsal), rehearsal, 3));
        var question = Guid.NewGuid();
        var rejected = e.Then(new QuestionsSwitched(true)).Then(new QuestionAsked(question, Guid.NewGuid(), "Vos", "geheim")).Then(new QuestionRejected(question));
        Assert.Empty(FeedCatalog.ToItems(rejected, new QuestionRejected(question), 6));
    }

    [Fact]
    public void ABan_TakesTheViewersApprovedQuestionsOffEveryScreen()
    {
        var viewer = Guid.NewGuid();
        var message = Guid.NewGuid();
        var question = Guid.NewGuid();
        var e = EventScenario.Created()
            .Then(new ChatPosted(message, viewer, "Vos", "hoi"))
            .Then(new QuestionsSwitched(true))
            .Then(new QuestionAsked(question, viewer, "Vos", "Hoe werkt het?"))
            .Then(new QuestionApproved(question));
        var ban = new ViewerBanned(viewer);

        var items = FeedCatalog.ToItems(e.Then(ban), ban, 6).ToList();

        Assert.Contains(items, i => i.Type == FeedItemTypes.ChatHidden && i.MessageId == message);
        Assert.Contains(items, i => i.Type == FeedItemTypes.QuestionHidden && i.QuestionId == question);
    }

    [Fact]
    public void ThePurge_TakesEveryItemWithAViewersText_OutOfTheBuffer()
    {
        var question = Guid.NewGuid();
        var e = EventScenario.Created()
            .Then(new QuestionsSwitched(true))
            .Then(new QuestionAsked(question, Guid.NewGuid(), "Vos", "Hoe werkt het?"))
            .Then(new QuestionApproved(question));
        var chat = new ChatPosted(Guid.NewGuid(), Guid.NewGuid(), "Uil", "hoi");
        var announcement = new AnnouncementMade(Guid.NewGuid(), "Zo begint de uitslag");

        Assert.All(FeedCatalog.ToItems(e.Then(chat), chat, 5), i => Assert.True(PublicFeed.IsPurgeable(i)));
        Assert.All(FeedCatalog.ToItems(e, new QuestionApproved(question), 4), i => Assert.True(PublicFeed.IsPurgeable(i)));
        Assert.All(FeedCatalog.ToItems(e.Then(announcement), announcement, 5), i => Assert.False(PublicFeed.IsPurgeable(i)));
    }
}
