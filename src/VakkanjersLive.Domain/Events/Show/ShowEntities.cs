namespace VakkanjersLive.Domain.Events;

/// <summary>A category's reveal: the frozen order (last place first) and how many entries are shown.</summary>
public sealed record Reveal(Guid CategoryId, bool Rehearsal, IReadOnlyList<RevealEntry> Entries, int Revealed)
{
    public bool IsComplete => Revealed >= Entries.Count;
}
