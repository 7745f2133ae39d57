namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The one dispatch from fact type to the part that owns it. Each part registers every fact it owns with its fold,
/// its privacy decision and its audit decision (see <see cref="PartRegistration{TPart}"/>); a fact type nobody
/// registered cannot be folded, and a test checks that every fact type is registered.
/// </summary>
public static class FactCatalog
{
    private static readonly Dictionary<Type, FactRule> Rules = Build();

    /// <summary>Every registered fact type's rule.</summary>
    public static IReadOnlyCollection<FactRule> All => Rules.Values;

    public static FactRule RuleOf(ILiveEventFact fact) => RuleOf(fact.GetType());

    public static FactRule RuleOf(Type factType) =>
        Rules.TryGetValue(factType, out var rule) ? rule : throw new InvalidOperationException($"No part owns fact {factType.Name}.");

    public static EventParts PartOf(ILiveEventFact fact) => RuleOf(fact).Part;

    /// <summary>The fact with its viewer data blanked for the chat purge; null when it keeps nothing to blank.</summary>
    public static ILiveEventFact? Redact(ILiveEventFact fact) => Redact(fact, PrivacyPurge.Audience);

    /// <summary>The fact blanked for <paramref name="purge"/>; null when that purge has nothing (left) to blank in it.</summary>
    public static ILiveEventFact? Redact(ILiveEventFact fact, PrivacyPurge purge)
    {
        var privacy = RuleOf(fact).Privacy;
        return privacy.ErasedBy == purge && purge != PrivacyPurge.None ? privacy.Redact(fact) : null;
    }

    /// <summary>
    /// Which purges still have something to erase after <paramref name="fact"/>: a fact a purge would blank adds
    /// that purge, the fact that records a purge clears it.
    /// </summary>
    internal static PrivacyPurge UnerasedAfter(PrivacyPurge before, ILiveEventFact fact)
    {
        var privacy = RuleOf(fact).Privacy;
        if (privacy.Records != PrivacyPurge.None)
        {
            return before & ~privacy.Records;
        }

        return privacy.ErasedBy != PrivacyPurge.None && (before & privacy.ErasedBy) == 0 && privacy.Redact(fact) is not null
            ? before | privacy.ErasedBy
            : before;
    }

    /// <summary>The audit line for a fact, worded with the event's current state; null when it is not audited.</summary>
    public static AuditLine? Describe(LiveEvent state, ILiveEventFact fact) => RuleOf(fact).Audit.Describe(state, fact);

    private static Dictionary<Type, FactRule> Build()
    {
        var rules = new Dictionary<Type, FactRule>();
        void Add(FactRule rule)
        {
            if (!rules.TryAdd(rule.FactType, rule))
            {
                throw new InvalidOperationException($"Fact {rule.FactType.Name} is registered twice.");
            }
        }

        EventDetails.Register(new PartRegistration<EventDetails>(EventParts.Details, e => e.Details, (e, p) => e with { Details = p }, Add));
        RosterPart.Register(new PartRegistration<RosterPart>(EventParts.Roster, e => e.Roster, (e, p) => e with { Roster = p }, Add));
        JudgingPart.Register(new PartRegistration<JudgingPart>(EventParts.Judging, e => e.Judging, (e, p) => e with { Judging = p }, Add));
        ShowPart.Register(new PartRegistration<ShowPart>(EventParts.Show, e => e.Show, (e, p) => e with { Show = p }, Add));
        ChatPart.Register(new PartRegistration<ChatPart>(EventParts.Chat, e => e.Chat, (e, p) => e with { Chat = p }, Add));
        PollsPart.Register(new PartRegistration<PollsPart>(EventParts.Polls, e => e.Polls, (e, p) => e with { Polls = p }, Add));
        QuestionsPart.Register(new PartRegistration<QuestionsPart>(EventParts.Questions, e => e.Questions, (e, p) => e with { Questions = p }, Add));
        BroadcastPart.Register(new PartRegistration<BroadcastPart>(EventParts.Broadcast, e => e.Broadcast, (e, p) => e with { Broadcast = p }, Add));
        SpeeddatePart.Register(new PartRegistration<SpeeddatePart>(EventParts.Speeddate, e => e.Speeddate, (e, p) => e with { Speeddate = p }, Add));
        return rules;
    }
}
