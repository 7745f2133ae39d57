using VakkanjersLive.Domain.Scoring;

namespace VakkanjersLive.Domain.Tests.Scoring;

/// <summary>
/// The rubric every scoring test uses: A (weight 3, scale 1..10) and B (weight 1, scale 0..4).
/// Total = (3 * (a - 1) / 9 + 1 * b / 4) / 4 * 100 = 25/3 * (a - 1) + 6.25 * b, so
/// a = 1, 4, 7, 10 gives 0, 25, 50, 75 and every b step adds 6.25. Worked totals used throughout:
/// (1,0)=0  (1,2)=12.5  (4,0)=25  (4,2)=37.5  (4,3)=43.75  (4,4)=50  (7,0)=50  (7,1)=56.25  (7,2)=62.5
/// (7,3)=68.75  (7,4)=75  (10,0)=75  (10,2)=87.5  (10,4)=100.
/// </summary>
internal static class Rubric
{
    public static readonly Guid A = new("aaaaaaaa-0000-0000-0000-000000000000");
    public static readonly Guid B = new("bbbbbbbb-0000-0000-0000-000000000000");

    public static readonly IReadOnlyList<RubricLine> Lines =
    [
        new RubricLine(A, 3m, 1, 10),
        new RubricLine(B, 1m, 0, 4),
    ];

    public static IReadOnlyList<TieBreakRule> NoTieBreaks { get; } = [];

    /// <summary>A scorecard of <paramref name="judge"/> for <paramref name="team"/> with value a on A and b on B.</summary>
    public static JudgeScore Card(Guid judge, Guid team, int a, int b) =>
        new(judge, team, new Dictionary<Guid, decimal> { [A] = a, [B] = b });

    /// <summary>A deterministic id, so a failing test prints the same ids every run: <c>Id(3)</c> is 00000003-0000-0000-0000-000000000000.</summary>
    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);
}
