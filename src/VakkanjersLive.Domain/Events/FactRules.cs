namespace VakkanjersLive.Domain.Events;

/// <summary>Which of the two logs a fact is written to, if any.</summary>
public enum AuditTrail
{
    /// <summary>Moderation log: who did what to chat, polls and questions (the moderation console).</summary>
    Moderation,

    /// <summary>Judging audit trail: stage, judging, scorecards and awards (the audit CSV).</summary>
    Judging,
}

/// <summary>
/// One line of an audit trail for a fact, worded by the part that owns the fact. <see cref="Action"/> is a stable
/// code (the moderation console localises it; the audit CSV prints it). Moderation lines use <see cref="Target"/>;
/// judging lines the columns after it. <see cref="ScoreKey"/> identifies a scorecard, so the audit CSV can show the
/// values it replaced.
/// </summary>
public sealed record AuditLine(AuditTrail Trail, string Action, string Target = "")
{
    public string? Judge { get; init; }

    public string? Team { get; init; }

    public string? Values { get; init; }

    public string? Reason { get; init; }

    public bool? Late { get; init; }

    public string? Comment { get; init; }

    public (Guid Round, Guid Judge, Guid Team, string Performance)? ScoreKey { get; init; }
}

/// <summary>
/// The two privacy purges, each rewriting the journal entries of the facts it erases: <see cref="Audience"/> (chat,
/// nicknames, questions, viewer ids of votes and upvotes, report reasons; the chat purge, weeks after the event) and
/// <see cref="Roster"/> (pupils' first names and judge codes; the roster purge, a year or so after the event).
/// </summary>
[Flags]
public enum PrivacyPurge
{
    None = 0,
    Audience = 1,
    Roster = 2,
}

/// <summary>What the privacy purges do with one fact's journal entry.</summary>
public abstract record FactPrivacy
{
    /// <summary>The fact holds nothing about a viewer or pupil (or only counts): no purge changes it.</summary>
    public static FactPrivacy NoPersonalData { get; } = new Keep();

    /// <summary>The fact records that <paramref name="purge"/> ran: the event holds none of that data until a later fact brings some.</summary>
    public static FactPrivacy RecordsPurge(PrivacyPurge purge) => new PurgeRecord(purge);

    /// <summary>The purge that blanks this fact, if any.</summary>
    internal virtual PrivacyPurge ErasedBy => PrivacyPurge.None;

    /// <summary>The purge this fact records, if any.</summary>
    internal virtual PrivacyPurge Records => PrivacyPurge.None;

    /// <summary>The blanked fact, or null when there is nothing (left) to blank.</summary>
    internal abstract ILiveEventFact? Redact(ILiveEventFact fact);

    private sealed record Keep : FactPrivacy
    {
        internal override ILiveEventFact? Redact(ILiveEventFact fact) => null;
    }

    private sealed record PurgeRecord(PrivacyPurge Purge) : FactPrivacy
    {
        internal override PrivacyPurge Records => Purge;

        internal override ILiveEventFact? Redact(ILiveEventFact fact) => null;
    }
}

/// <summary>
/// A fact with viewer data, blanked by the chat purge (<see cref="PrivacyPurge.Audience"/>): <see cref="Blank"/>
/// returns it blanked, or null when it is blank already.
/// </summary>
public sealed record Erase<TFact>(Func<TFact, TFact?> Blank) : FactPrivacy
    where TFact : class, ILiveEventFact
{
    internal override PrivacyPurge ErasedBy => PrivacyPurge.Audience;

    internal override ILiveEventFact? Redact(ILiveEventFact fact) => Blank((TFact)fact);
}

/// <summary>
/// A fact with pupils' first names or judge codes, blanked by the roster purge (<see cref="PrivacyPurge.Roster"/>):
/// <see cref="Blank"/> returns it blanked, or null when it is blank already.
/// </summary>
public sealed record EraseRoster<TFact>(Func<TFact, TFact?> Blank) : FactPrivacy
    where TFact : class, ILiveEventFact
{
    internal override PrivacyPurge ErasedBy => PrivacyPurge.Roster;

    internal override ILiveEventFact? Redact(ILiveEventFact fact) => Blank((TFact)fact);
}

/// <summary>Whether a fact shows up in an audit trail, and how it is worded.</summary>
public abstract record FactAudit
{
    /// <summary>Not an action anyone needs to account for (a viewer's own message, set-up edits, votes).</summary>
    public static FactAudit NotAudited { get; } = new None();

    internal abstract AuditLine? Describe(LiveEvent state, ILiveEventFact fact);

    private sealed record None : FactAudit
    {
        internal override AuditLine? Describe(LiveEvent state, ILiveEventFact fact) => null;
    }
}

/// <summary>A logged fact, worded from the event's current state (names of the teams, judges and viewers it names).</summary>
public sealed record Logged<TFact>(Func<LiveEvent, TFact, AuditLine?> Line) : FactAudit
    where TFact : class, ILiveEventFact
{
    internal override AuditLine? Describe(LiveEvent state, ILiveEventFact fact) => Line(state, (TFact)fact);
}

/// <summary>Everything the domain knows about one fact type: the part that owns it, its fold, privacy and audit.</summary>
public sealed class FactRule
{
    internal FactRule(Type factType, EventParts part, FactPrivacy privacy, FactAudit audit, Func<LiveEvent, ILiveEventFact, long, LiveEvent> fold)
    {
        FactType = factType;
        Part = part;
        Privacy = privacy;
        Audit = audit;
        Fold = fold;
    }

    public Type FactType { get; }

    public EventParts Part { get; }

    public FactPrivacy Privacy { get; }

    public FactAudit Audit { get; }

    internal Func<LiveEvent, ILiveEventFact, long, LiveEvent> Fold { get; }
}

/// <summary>
/// How a part registers its facts: each fact type with its fold on the part's own state, its privacy decision and
/// its audit decision; none of the three can be left out.
/// </summary>
public sealed class PartRegistration<TPart>
{
    private readonly EventParts _part;
    private readonly Func<LiveEvent, TPart> _get;
    private readonly Func<LiveEvent, TPart, LiveEvent> _set;
    private readonly Action<FactRule> _add;

    internal PartRegistration(EventParts part, Func<LiveEvent, TPart> get, Func<LiveEvent, TPart, LiveEvent> set, Action<FactRule> add)
    {
        _part = part;
        _get = get;
        _set = set;
        _add = add;
    }

    public PartRegistration<TPart> On<TFact>(Func<TPart, TFact, long, TPart> fold, FactPrivacy privacy, FactAudit audit)
        where TFact : class, ILiveEventFact
    {
        ArgumentNullException.ThrowIfNull(privacy);
        ArgumentNullException.ThrowIfNull(audit);
        _add(new FactRule(typeof(TFact), _part, privacy, audit, (state, fact, position) => _set(state, fold(_get(state), (TFact)fact, position))));
        return this;
    }
}
