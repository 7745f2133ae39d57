using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Features.Broadcast;
using VakkanjersLive.Web.Features.Events;
using VakkanjersLive.Web.Features.Judging;
using VakkanjersLive.Web.Features.Live;
using VakkanjersLive.Web.Features.Moderation;
using VakkanjersLive.Web.Features.Polls;
using VakkanjersLive.Web.Features.Questions;
using VakkanjersLive.Web.Features.Speeddate;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// How a part declares what its facts show the public: items (mapped with the event's state right after the fact)
/// or, explicitly, nothing ever. Every fact type needs one of the two; a test checks that none is missing.
/// </summary>
public sealed class FeedRegistration
{
    private readonly Dictionary<Type, Func<LiveEvent, ILiveEventFact, long, IEnumerable<FeedItem>>> _maps;

    internal FeedRegistration(Dictionary<Type, Func<LiveEvent, ILiveEventFact, long, IEnumerable<FeedItem>>> maps) => _maps = maps;

    /// <summary>The fact maps to at most one item (null: not this time, e.g. a vote on a poll with hidden results).</summary>
    public FeedRegistration Item<TFact>(Func<LiveEvent, TFact, long, FeedItem?> map)
        where TFact : class, ILiveEventFact =>
        Add<TFact>((e, f, p) => map(e, (TFact)f, p) is { } item ? [item] : []);

    /// <summary>The fact maps to any number of items.</summary>
    public FeedRegistration Items<TFact>(Func<LiveEvent, TFact, long, IEnumerable<FeedItem>> map)
        where TFact : class, ILiveEventFact =>
        Add<TFact>((e, f, p) => map(e, (TFact)f, p));

    /// <summary>The fact is never public: scores, frozen results, rehearsals, moderation internals, set-up.</summary>
    public FeedRegistration Never<TFact>()
        where TFact : class, ILiveEventFact =>
        Add<TFact>((_, _, _) => []);

    private FeedRegistration Add<TFact>(Func<LiveEvent, ILiveEventFact, long, IEnumerable<FeedItem>> map)
    {
        if (!_maps.TryAdd(typeof(TFact), map))
        {
            throw new InvalidOperationException($"Fact {typeof(TFact).Name} has two feed decisions.");
        }

        return this;
    }
}

/// <summary>
/// The one gate between the journal and audiences: each part's feed (in the slice of that part) declares, per fact
/// type, what the public sees. A fact type without a decision cannot reach the feed at all.
/// </summary>
public static class FeedCatalog
{
    private static readonly Dictionary<Type, Func<LiveEvent, ILiveEventFact, long, IEnumerable<FeedItem>>> Maps = Build();

    /// <summary>The fact types that have a feed decision.</summary>
    public static IReadOnlyCollection<Type> Decided => Maps.Keys;

    /// <summary>The public items for <paramref name="fact"/>, mapped with the state right after it.</summary>
    public static IEnumerable<FeedItem> ToItems(LiveEvent state, ILiveEventFact fact, long position) =>
        Maps.TryGetValue(fact.GetType(), out var map)
            ? map(state, fact, position)
            : throw new InvalidOperationException($"Fact {fact.GetType().Name} has no feed decision.");

    private static Dictionary<Type, Func<LiveEvent, ILiveEventFact, long, IEnumerable<FeedItem>>> Build()
    {
        var maps = new Dictionary<Type, Func<LiveEvent, ILiveEventFact, long, IEnumerable<FeedItem>>>();
        var feed = new FeedRegistration(maps);
        RosterFeed.Register(feed);
        JudgingFeed.Register(feed);
        ShowFeed.Register(feed);
        ChatFeed.Register(feed);
        PollFeed.Register(feed);
        QuestionFeed.Register(feed);
        BroadcastFeed.Register(feed);
        SpeeddateFeed.Register(feed);
        return maps;
    }
}
