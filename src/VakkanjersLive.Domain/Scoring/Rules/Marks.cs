namespace VakkanjersLive.Domain.Scoring.Rules;

/// <summary>
/// One value a judge gave: one row of the long scores format (judge × team × criterion, per performance and panel).
/// With ranked ballots <see cref="Value"/> is the rank (1 = best) and <see cref="Criterion"/> is empty; in an audience
/// votes panel (<see cref="PanelDefinition.Votes"/>) the judge is one ballot, the criterion is empty and the value is the
/// points or votes that ballot gave the team.
/// </summary>
/// <param name="Team">The team (a name or id; compared exactly).</param>
/// <param name="Judge">The judge (unique within a panel).</param>
/// <param name="Criterion">The criterion id; empty for a ranked ballot.</param>
/// <param name="Value">The judge's value, or the rank.</param>
/// <param name="Performance">The round, dive or attempt; empty when each team performs once.</param>
/// <param name="Factor">Degree of difficulty of this performance; null: 1 (or the factor another mark of it gives).</param>
/// <param name="Panel">The judge's panel; empty when the rules declare no panels.</param>
public sealed record Mark(
    string Team,
    string Judge,
    string Criterion,
    decimal Value,
    string Performance = "",
    decimal? Factor = null,
    string Panel = "");

/// <summary>A problem with one mark: its index in the list passed in, and the domain code with arguments.</summary>
/// <param name="Index">0-based index into the marks.</param>
/// <param name="Code">Stable code such as <c>rules.mark.step</c>.</param>
/// <param name="Arguments">Placeholders of the message.</param>
public sealed record MarkProblem(int Index, string Code, IReadOnlyList<object> Arguments)
{
    /// <summary>The English reason (see <see cref="RulesMessages"/>).</summary>
    public string Reason => RulesMessages.Describe(Code, Arguments);
}

/// <summary>What one step of the explanation trail records.</summary>
public enum TrailKind
{
    /// <summary>A judge's card total (Judge set).</summary>
    CardTotal,

    /// <summary>A judge's points for a rank (Judge set, Before = the rank).</summary>
    Points,

    /// <summary>One audience ballot's points or votes for the team in a votes panel (Judge = the ballot).</summary>
    Votes,

    /// <summary>A judge's value or total was dropped (Judge set; Criterion set when trimming per criterion).</summary>
    Dropped,

    /// <summary>The panel's value from the kept judges (Criterion set when trimming per criterion).</summary>
    PanelValue,

    /// <summary>A weighted criterion term (weight × panel value).</summary>
    Weighted,

    /// <summary>A value was rounded: Before → Value, at the stage named in Detail.</summary>
    Rounded,

    /// <summary>The degree of difficulty: Before × Detail = Value.</summary>
    Factor,

    /// <summary>The value of one performance in one panel.</summary>
    Performance,

    /// <summary>The panel's result over all performances.</summary>
    PanelResult,

    /// <summary>The panel's result as a share (%) of that panel's total over all teams, for a weighted blend.</summary>
    Share,

    /// <summary>The total.</summary>
    Total,
}

/// <summary>One step of how a team's result came about, for a results page or an audit.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Panel">The panel, or empty.</param>
/// <param name="Performance">The performance, or empty.</param>
/// <param name="Judge">The judge, or empty.</param>
/// <param name="Criterion">The criterion, or empty.</param>
/// <param name="Value">The value after this step.</param>
/// <param name="Before">The value before this step (rounding, factor), or the rank for points.</param>
/// <param name="Detail">Extra: the rounding stage, the factor, the panel weight.</param>
public sealed record TrailStep(
    TrailKind Kind,
    string Panel,
    string Performance,
    string Judge,
    string Criterion,
    decimal Value,
    decimal? Before = null,
    string Detail = "");

/// <summary>The outcome for one team.</summary>
/// <param name="Team">The team.</param>
/// <param name="Rank">1-based place; shared ranks skip (1, 2, 2, 4); null when incomplete.</param>
/// <param name="Total">The final result; null when the team has no marks.</param>
/// <param name="Incomplete">True when a panel (or performance) has fewer judges than <c>minJudges</c>, or no marks at all.</param>
/// <param name="SharedRank">True when the rank is shared after all tie-breaks.</param>
/// <param name="JudgeCount">The fewest judges over the team's panels and performances (the number compared with minJudges).</param>
/// <param name="Panels">Per panel id: the panel's result (points or score, performances combined).</param>
/// <param name="Shares">Per panel id: the share in % used by a weighted blend; empty for a sum.</param>
/// <param name="Performances">Per performance id: its result (panels blended).</param>
/// <param name="Trail">How the result came about, in calculation order.</param>
public sealed record TeamStanding(
    string Team,
    int? Rank,
    decimal? Total,
    bool Incomplete,
    bool SharedRank,
    int JudgeCount,
    IReadOnlyDictionary<string, decimal> Panels,
    IReadOnlyDictionary<string, decimal> Shares,
    IReadOnlyDictionary<string, decimal> Performances,
    IReadOnlyList<TrailStep> Trail);

/// <summary>The ranking: ranked teams first, then incomplete teams in team-list order.</summary>
/// <param name="Standings">One entry per team.</param>
/// <param name="Panels">The panel ids in declared order (one empty id when no panels are declared).</param>
/// <param name="Performances">The performance ids in order of first appearance.</param>
public sealed record RulesResult(
    IReadOnlyList<TeamStanding> Standings,
    IReadOnlyList<string> Panels,
    IReadOnlyList<string> Performances);
