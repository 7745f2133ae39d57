using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>What the venue and the stream show: the stage, the stream URL, reactions, the countdown and the reveal.</summary>
public sealed record ShowPart
{
    public static ShowPart Empty { get; } = new();

    /// <summary>The team on stage per category.</summary>
    public ImmutableDictionary<Guid, Guid> Stage { get; private init; } = ImmutableDictionary<Guid, Guid>.Empty;

    public string StreamUrl { get; private init; } = string.Empty;

    public bool ReactionsEnabled { get; private init; } = true;

    public DateTimeOffset? CountdownEndsAt { get; private init; }

    public string CountdownLabel { get; private init; } = string.Empty;

    /// <summary>How each category's results will be revealed (<see cref="RevealPlanned"/>); a category without one reveals every place.</summary>
    public ImmutableDictionary<Guid, RevealPlan> RevealPlans { get; private init; } = ImmutableDictionary<Guid, RevealPlan>.Empty;

    /// <summary>The categories in the order of the award ceremony (<see cref="CeremonyOrdered"/>); empty: as they were added.</summary>
    public ImmutableList<Guid> CeremonyOrder { get; private init; } = [];

    public ImmutableDictionary<Guid, Reveal> Reveals { get; private init; } = ImmutableDictionary<Guid, Reveal>.Empty;

    /// <summary>The running order per category (<see cref="RunningOrderSet"/>), in order.</summary>
    public ImmutableDictionary<Guid, ImmutableList<ProgrammeSlot>> RunningOrders { get; private init; } = ImmutableDictionary<Guid, ImmutableList<ProgrammeSlot>>.Empty;

    /// <summary>The pitch timer per category (started by <see cref="TeamCalled"/>).</summary>
    public ImmutableDictionary<Guid, PitchTimer> Timers { get; private init; } = ImmutableDictionary<Guid, PitchTimer>.Empty;

    /// <summary>The producer's scene per display (<see cref="SceneChosen"/>); absent: automatic.</summary>
    public ImmutableDictionary<string, SceneChoice> Scenes { get; private init; } = ImmutableDictionary<string, SceneChoice>.Empty;

    /// <summary>
    /// A withdrawn team leaves the stage, its slot in the running order and its timer (a cross-part rule: the roster
    /// withdraws it).
    /// </summary>
    internal ShowPart WithoutTeam(Guid teamId) => this with
    {
        Stage = Stage.RemoveRange(Stage.Where(s => s.Value == teamId).Select(s => s.Key)),
        RunningOrders = RunningOrders.SetItems(RunningOrders.Where(o => o.Value.Exists(s => s.TeamId == teamId)).Select(o => KeyValuePair.Create(o.Key, o.Value.RemoveAll(s => s.TeamId == teamId)))),
        Timers = Timers.RemoveRange(Timers.Where(t => t.Value.TeamId == teamId).Select(t => t.Key)),
    };

    /// <summary>
    /// A category's next round starts (a cross-part rule: judging advances the top N): the round before leaves the
    /// stage, its timer and its reveal.
    /// </summary>
    internal ShowPart WithoutReveal(Guid categoryId) => this with
    {
        Stage = Stage.Remove(categoryId),
        Timers = Timers.Remove(categoryId),
        Reveals = Reveals.Remove(categoryId),
    };

    /// <summary>Running orders that came with a finalists import (a cross-part rule: the roster imports the teams).</summary>
    internal ShowPart WithRunningOrders(IEnumerable<RunningOrderSet> orders) =>
        this with { RunningOrders = orders.Aggregate(RunningOrders, (all, o) => all.SetItem(o.CategoryId, [.. o.Slots])) };

    /// <summary>Nothing here is viewer data. The stage and real freezes are on the judging audit trail; the rest is the producer's.</summary>
    internal static void Register(PartRegistration<ShowPart> part) => part
        .On<RevealPlanned>(
            (p, e, _) => p with { RevealPlans = p.RevealPlans.SetItem(e.CategoryId, new RevealPlan(e.Mode, e.TopCount, e.Mentions, e.PauseBeforeWinner, e.AwardTitle, e.Presenter, e.Client)) },
            FactPrivacy.NoPersonalData,
            FactAudit.NotAudited)
        .On<CeremonyOrdered>((p, e, _) => p with { CeremonyOrder = [.. e.CategoryIds] }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<StageSet>(
            (p, e, _) => p with { Stage = e.TeamId is { } t ? p.Stage.SetItem(e.CategoryId, t) : p.Stage.Remove(e.CategoryId) },
            FactPrivacy.NoPersonalData,
            new Logged<StageSet>((s, e) => new AuditLine(AuditTrail.Judging, "on stage") { Team = e.TeamId is { } t ? s.FindTeam(t)?.Name : null }))
        .On<StreamSet>((p, e, _) => p with { StreamUrl = e.Url }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<ReactionsSwitched>((p, e, _) => p with { ReactionsEnabled = e.Enabled }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<CountdownSet>((p, e, _) => p with { CountdownEndsAt = e.EndsAt, CountdownLabel = e.Label }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<RevealPrepared>(
            (p, e, _) => p with { Reveals = p.Reveals.SetItem(e.CategoryId, new Reveal(e.CategoryId, e.Rehearsal, e.Entries, 0, e.PauseBeforeWinner)) },
            FactPrivacy.NoPersonalData,
            new Logged<RevealPrepared>((s, e) => e.Rehearsal ? null : new AuditLine(AuditTrail.Judging, e.OverrideReason.Length > 0 ? "results frozen with override" : "results frozen")
            {
                Values = string.Join("; ", [s.FindCategory(e.CategoryId)?.Name ?? string.Empty, .. e.Overridden ?? []]),
                Reason = e.OverrideReason.Length > 0 ? e.OverrideReason : null,
            }))
        .On<RevealStepped>(
            (p, e, _) => p with { Reveals = p.Reveals.SetItem(e.CategoryId, p.Reveals[e.CategoryId] with { Revealed = e.Revealed }) },
            FactPrivacy.NoPersonalData,
            FactAudit.NotAudited)
        .On<RevealCleared>((p, e, _) => p with { Reveals = p.Reveals.Remove(e.CategoryId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<RunningOrderSet>((p, e, _) => p.WithRunningOrders([e]), FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<TeamCalled>(
            (p, e, _) => p with
            {
                Stage = p.Stage.SetItem(e.CategoryId, e.TeamId),
                Timers = p.Timers.SetItem(e.CategoryId, new PitchTimer(e.CategoryId, e.TeamId, e.StartedAt, e.PresentationSeconds, e.QuestionSeconds)),
            },
            FactPrivacy.NoPersonalData,
            new Logged<TeamCalled>((s, e) => new AuditLine(AuditTrail.Judging, "team called")
            {
                Team = s.FindTeam(e.TeamId)?.Name,
                Values = string.Join(", ", e.Closed.Select(t => s.FindTeam(t)?.Name)),
            }))
        .On<PitchTimerStopped>((p, e, _) => p with { Timers = p.Timers.Remove(e.CategoryId) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited)
        .On<SceneChosen>((p, e, _) => p with { Scenes = p.Scenes.SetItem(e.Display, new SceneChoice(e.Scene, e.CategoryId)) }, FactPrivacy.NoPersonalData, FactAudit.NotAudited);
}
