using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>Panels and blends (issue 15): which judges' panel each judge is in, and which poll an audience-vote panel counts.</summary>
public sealed partial record JudgingPart
{
    /// <summary>A judge's panel per category round (absent: the rules' first judges' panel).</summary>
    public ImmutableDictionary<(Guid Category, Guid Round, Guid Judge), string> JudgePanels { get; private init; } =
        ImmutableDictionary<(Guid Category, Guid Round, Guid Judge), string>.Empty;

    /// <summary>The per-class poll an audience-vote panel counts, per category round and panel id.</summary>
    public ImmutableDictionary<(Guid Category, Guid Round, string Panel), Guid> PanelPolls { get; private init; } =
        ImmutableDictionary<(Guid Category, Guid Round, string Panel), Guid>.Empty;

    private static ImmutableDictionary<TKey, string> SetOrRemove<TKey>(ImmutableDictionary<TKey, string> map, TKey key, string? value)
        where TKey : notnull =>
        value is null ? map.Remove(key) : map.SetItem(key, value);

    /// <summary>Both facts are on the judging audit trail and carry no viewer data (a poll id, panel ids, a judge of the roster).</summary>
    private static PartRegistration<JudgingPart> RegisterPanels(PartRegistration<JudgingPart> part) => part
        .On<JudgePanelSet>(
            (j, e, _) => j with { JudgePanels = SetOrRemove(j.JudgePanels, (e.CategoryId, e.RoundId, e.JudgeId), e.PanelId) },
            FactPrivacy.NoPersonalData,
            new Logged<JudgePanelSet>((s, e) => new AuditLine(AuditTrail.Judging, "judge panel set")
            {
                Judge = s.FindJudge(e.JudgeId)?.Name,
                Values = $"{s.FindCategory(e.CategoryId)?.Name}: {e.PanelId ?? "default"}",
            }))
        .On<PanelPollLinked>(
            (j, e, _) => j with { PanelPolls = e.PollId is { } poll ? j.PanelPolls.SetItem((e.CategoryId, e.RoundId, e.PanelId), poll) : j.PanelPolls.Remove((e.CategoryId, e.RoundId, e.PanelId)) },
            FactPrivacy.NoPersonalData,
            new Logged<PanelPollLinked>((s, e) => new AuditLine(AuditTrail.Judging, e.PollId is null ? "panel poll unlinked" : "panel poll linked")
            {
                Values = $"{s.FindCategory(e.CategoryId)?.Name}: {e.PanelId}{(e.PollId is { } p ? " ← " + s.FindPoll(p)?.Question : string.Empty)}",
            }));
}
