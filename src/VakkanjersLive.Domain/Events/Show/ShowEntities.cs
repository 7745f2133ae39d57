namespace VakkanjersLive.Domain.Events;

/// <summary>
/// A category's reveal: the frozen order (mentions first, then the places from the last up) and how many of its
/// <see cref="Steps"/> are shown. Without mentions or a pause every entry is one step, as reveals always were.
/// </summary>
public sealed record Reveal(Guid CategoryId, bool Rehearsal, IReadOnlyList<RevealEntry> Entries, int Revealed, bool PauseBeforeWinner = false)
{
    /// <summary>The steps in order: the mentions together, each place from the last up, a pause before the first winner entry.</summary>
    public IReadOnlyList<RevealStep> Steps => BuildSteps();

    public bool IsComplete => Revealed >= Steps.Count;

    /// <summary>The step the next click shows (null when the reveal is complete).</summary>
    public RevealStep? Next => Revealed < Steps.Count ? Steps[Revealed] : null;

    /// <summary>True when the last step shown is the pause before the winner.</summary>
    public bool IsPaused => Revealed > 0 && Revealed <= Steps.Count && Steps[Revealed - 1].Kind == RevealStepKind.Pause;

    /// <summary>Indexes of the entries public after <paramref name="steps"/> steps, in reveal order.</summary>
    public IReadOnlyList<int> VisibleAfter(int steps) =>
        [.. Steps.Take(Math.Clamp(steps, 0, Steps.Count)).SelectMany(s => s.Entries)];

    /// <summary>Indexes of the entries public now.</summary>
    public IReadOnlyList<int> Visible => VisibleAfter(Revealed);

    private List<RevealStep> BuildSteps()
    {
        var steps = new List<RevealStep>();
        var mentions = Entries.Select((e, i) => (e, i)).Where(x => x.e.Mention).Select(x => x.i).ToList();
        if (mentions.Count > 0)
        {
            steps.Add(new RevealStep(RevealStepKind.Mentions, mentions));
        }

        var pauseDone = false;
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Mention)
            {
                continue;
            }

            if (PauseBeforeWinner && !pauseDone && Entries[i].Rank == 1)
            {
                steps.Add(new RevealStep(RevealStepKind.Pause, []));
                pauseDone = true;
            }

            steps.Add(new RevealStep(RevealStepKind.Place, [i]));
        }

        return steps;
    }
}
