namespace VakkanjersLive.Domain.Events;

/// <summary>How a category's results are revealed on stage.</summary>
public enum RevealMode
{
    /// <summary>Every ranked place, from the last up to the winner.</summary>
    AllPlaces,

    /// <summary>Only the top places (<see cref="RevealPlan.TopCount"/>), from the last of them up.</summary>
    TopOnly,

    /// <summary>First the honourable mentions together (the places just below the top), then the top places.</summary>
    MentionsThenTop,
}

/// <summary>
/// A category's reveal and its part in the award ceremony: the mode, the size of the top and of the mentions, an
/// optional pause before the winner ("en de winnaar is…"), and for the presenter's script the award's title, who
/// presents it and the client (opdrachtgever) whose question the teams answered.
/// </summary>
public sealed record RevealPlan(RevealMode Mode, int TopCount, int Mentions, bool PauseBeforeWinner, string AwardTitle, string Presenter, string Client)
{
    public static RevealPlan Default { get; } = new(RevealMode.AllPlaces, 3, 0, false, string.Empty, string.Empty, string.Empty);
}

/// <summary>The producer planned how a category is revealed (only before its results are frozen).</summary>
public sealed record RevealPlanned(Guid CategoryId, RevealMode Mode, int TopCount, int Mentions, bool PauseBeforeWinner, string AwardTitle, string Presenter, string Client) : ILiveEventFact;

/// <summary>The categories in the order of the award ceremony (every category once).</summary>
public sealed record CeremonyOrdered(IReadOnlyList<Guid> CategoryIds) : ILiveEventFact;

/// <summary>What one step of a reveal shows.</summary>
public enum RevealStepKind
{
    /// <summary>The honourable mentions, all at once.</summary>
    Mentions,

    /// <summary>One place (shared places are a step each).</summary>
    Place,

    /// <summary>The pause before the winner: nothing new, the hall holds its breath.</summary>
    Pause,
}

/// <summary>One step of a reveal: its kind and the entries (indexes into <see cref="Reveal.Entries"/>) it makes public.</summary>
public sealed record RevealStep(RevealStepKind Kind, IReadOnlyList<int> Entries);
