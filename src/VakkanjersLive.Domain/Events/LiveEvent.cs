namespace VakkanjersLive.Domain.Events;

/// <summary>
/// The state of one live event, folded from its journal stream, in parts ("rooms"): <see cref="Roster"/>,
/// <see cref="Judging"/>, <see cref="Show"/>, <see cref="Chat"/>, <see cref="Polls"/> and <see cref="Questions"/>,
/// each in its own folder with its facts, its fold and its decisions. Immutable: <see cref="Apply(ILiveEventFact, long)"/>
/// returns a new instance, so readers on other threads always see a consistent snapshot. Decision methods check the
/// rules (across parts where needed) and return the fact to append; they never change state themselves.
/// </summary>
public sealed partial record LiveEvent
{
    private LiveEvent()
    {
    }

    public Guid Id => Details.Id;

    public EventKind Kind => Details.Kind;

    public string Name => Details.Name;

    public DateOnly Date => Details.Date;

    public string Venue => Details.Venue;

    public string Theme => Details.Theme;

    /// <summary>The code the audience types to join.</summary>
    public string JoinCode => Details.JoinCode;

    /// <summary>The stream position this state reflects.</summary>
    public long Version { get; private init; }

    public EventDetails Details { get; internal init; } = EventDetails.Empty;

    public RosterPart Roster { get; internal init; } = RosterPart.Empty;

    public JudgingPart Judging { get; internal init; } = JudgingPart.Empty;

    public ShowPart Show { get; internal init; } = ShowPart.Empty;

    public ChatPart Chat { get; internal init; } = ChatPart.Empty;

    public PollsPart Polls { get; internal init; } = PollsPart.Empty;

    public QuestionsPart Questions { get; internal init; } = QuestionsPart.Empty;

    public BroadcastPart Broadcast { get; internal init; } = BroadcastPart.Empty;

    public SpeeddatePart Speeddate { get; internal init; } = SpeeddatePart.Empty;

    /// <summary>
    /// The privacy purges that still have something to erase in this event's journal (audience data, pupils' names
    /// and judge codes), so the automatic purges know which events are due without reading every journal.
    /// </summary>
    public PrivacyPurge Unerased { get; private init; }

    /// <summary>The state before the first fact; only <see cref="Create"/> may be decided on it.</summary>
    public static LiveEvent Empty { get; } = new();

    public bool Exists => Id != Guid.Empty;

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>Opens a new event; only valid on <see cref="Empty"/>.</summary>
    public EventCreated Create(Guid eventId, EventKind kind, string? name, DateOnly date, string? venue, string? theme, string joinCode)
    {
        if (Exists)
        {
            throw new DomainException("event.exists");
        }

        if (eventId == Guid.Empty)
        {
            throw new DomainException("event.id.required");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("event.kind.invalid");
        }

        if (!JoinCodes.IsWellFormed(joinCode))
        {
            throw new DomainException("event.join-code.invalid");
        }

        return new EventCreated(
            eventId,
            kind,
            Guard.Text(name, "event.name", 120),
            CheckDate(date),
            Guard.Text(venue, "event.venue", 120, required: false),
            Guard.Text(theme, "event.theme", 120, required: false),
            joinCode);
    }

    public EventDetailsChanged ChangeDetails(string? name, DateOnly date, string? venue, string? theme)
    {
        EnsureExists();
        return new EventDetailsChanged(
            Guard.Text(name, "event.name", 120),
            CheckDate(date),
            Guard.Text(venue, "event.venue", 120, required: false),
            Guard.Text(theme, "event.theme", 120, required: false));
    }

    // ---- folding ---------------------------------------------------------------------------------------------

    /// <summary>Returns the state after <paramref name="fact"/>, at stream position <paramref name="position"/>.</summary>
    public LiveEvent Apply(ILiveEventFact fact, long position) => ApplyAt(fact, position) with { Version = position };

    /// <summary>Returns the state after <paramref name="fact"/> without moving the version (used for what-if checks).</summary>
    public LiveEvent Apply(ILiveEventFact fact) => ApplyAt(fact, Version);

    /// <summary>The owning part folds the fact; then the rules that reach across parts run, each an explicit call.</summary>
    private LiveEvent ApplyAt(ILiveEventFact fact, long position) =>
        CrossPartRules.After(FactCatalog.RuleOf(fact).Fold(this, fact, position), fact) with { Unerased = FactCatalog.UnerasedAfter(Unerased, fact) };

    /// <summary>The parts whose state differs between two snapshots (a fact and the cross-part rules it set off).</summary>
    public static EventParts ChangedParts(LiveEvent before, LiveEvent after) =>
        (ReferenceEquals(before.Details, after.Details) ? EventParts.None : EventParts.Details)
        | (ReferenceEquals(before.Roster, after.Roster) ? EventParts.None : EventParts.Roster)
        | (ReferenceEquals(before.Judging, after.Judging) ? EventParts.None : EventParts.Judging)
        | (ReferenceEquals(before.Show, after.Show) ? EventParts.None : EventParts.Show)
        | (ReferenceEquals(before.Chat, after.Chat) ? EventParts.None : EventParts.Chat)
        | (ReferenceEquals(before.Polls, after.Polls) ? EventParts.None : EventParts.Polls)
        | (ReferenceEquals(before.Questions, after.Questions) ? EventParts.None : EventParts.Questions)
        | (ReferenceEquals(before.Broadcast, after.Broadcast) ? EventParts.None : EventParts.Broadcast)
        | (ReferenceEquals(before.Speeddate, after.Speeddate) ? EventParts.None : EventParts.Speeddate);

    // ---- rules shared by the parts' decisions ----------------------------------------------------------------

    private static DateOnly CheckDate(DateOnly date) =>
        date.Year is < 2000 or > 2100 ? throw new DomainException("event.date.invalid") : date;

    private void EnsureExists()
    {
        if (!Exists)
        {
            throw new DomainException("event.unknown");
        }
    }

    private static void EnsureNewId(Guid id, bool taken)
    {
        if (id == Guid.Empty || taken)
        {
            throw new DomainException("id.invalid");
        }
    }

    private static void EnsureUnique(bool clash, string code, string name)
    {
        if (clash)
        {
            throw new DomainException(code, name);
        }
    }

    // Invariant, so whether two names clash never depends on the server's culture settings.
    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.InvariantCultureIgnoreCase);
}
