namespace VakkanjersLive.Domain.Events;

/// <summary>The team now presenting in a category (null: nobody on stage).</summary>
public sealed record StageSet(Guid CategoryId, Guid? TeamId) : ILiveEventFact;

/// <summary>The stream shown to viewers (empty: off-air, the "we zijn zo live" placeholder).</summary>
public sealed record StreamSet(string Url) : ILiveEventFact;

public sealed record ReactionsSwitched(bool Enabled) : ILiveEventFact;

/// <summary>A countdown on the venue screen; null ends it.</summary>
public sealed record CountdownSet(DateTimeOffset? EndsAt, string Label) : ILiveEventFact;

/// <summary>
/// Results frozen for a reveal: the order in which teams will be shown, last place first. Never sent to audiences:
/// only each <see cref="RevealStepped"/> discloses one entry. A rehearsal is visible to moderators only. A real freeze of
/// a category that was not ready carries the lead moderator's <see cref="OverrideReason"/> and the readiness problems
/// it overrode (<see cref="Overridden"/>, as "code team/judge" lines).
/// </summary>
public sealed record RevealPrepared(
    Guid CategoryId,
    bool Rehearsal,
    IReadOnlyList<RevealEntry> Entries,
    string OverrideReason = "",
    IReadOnlyList<string>? Overridden = null,
    bool PauseBeforeWinner = false) : ILiveEventFact;

/// <summary>
/// One team in a frozen reveal. A <see cref="Mention"/> (honourable mention, "eervolle vermelding") is named without its
/// place or score, together with the other mentions, before the top places.
/// </summary>
/// <see cref="Parts"/>: with rules that declare panels, each panel's result in declared order, frozen with the rest
/// (the reveal shows "jury 70 · publiek 20"); null for one panel and in every reveal frozen before.
public sealed record RevealEntry(Guid TeamId, int Rank, double Score, bool SharedRank, bool Mention = false, IReadOnlyList<RevealPart>? Parts = null);

/// <summary>One panel's part of a revealed result: the panel id and its result, rounded to 2 decimals.</summary>
public sealed record RevealPart(string Panel, double Value);

/// <summary>
/// One more step of the reveal is shown (<see cref="Revealed"/> steps are public now): the mentions together, each
/// place, and the pause before the winner (<see cref="Reveal.Steps"/>).
/// </summary>
public sealed record RevealStepped(Guid CategoryId, int Revealed) : ILiveEventFact;

/// <summary>A rehearsal is wiped so it can run again.</summary>
public sealed record RevealCleared(Guid CategoryId) : ILiveEventFact;

/// <summary>
/// A category's whole running order, in order (a reorder or a new plan replaces it): the slots with their days,
/// planned starts and pitch lengths.
/// </summary>
public sealed record RunningOrderSet(Guid CategoryId, IReadOnlyList<ProgrammeSlot> Slots) : ILiveEventFact;

/// <summary>
/// "Volgende team": the next team of the running order is on stage, its judging opens (a cross-part rule) and its
/// pitch timer starts at <see cref="StartedAt"/>. <see cref="Closed"/>: earlier teams whose panel had scored, so their
/// judging closes; the others stay open until their panel has scored or a moderator closes them.
/// </summary>
public sealed record TeamCalled(Guid CategoryId, Guid TeamId, DateTimeOffset StartedAt, int PresentationSeconds, int QuestionSeconds, IReadOnlyList<Guid> Closed) : ILiveEventFact;

/// <summary>The category's pitch timer is stopped (the team stays on stage).</summary>
public sealed record PitchTimerStopped(Guid CategoryId) : ILiveEventFact;

/// <summary>
/// The producer's scene for one kind of screen (<see cref="SceneNames.Displays"/>: the venue screen or the overlay):
/// <see cref="SceneNames.Auto"/> lets the state choose, any other scene is shown until the next choice.
/// <see cref="CategoryId"/>: the category a reveal (required) or stage scene (optional) is about.
/// </summary>
public sealed record SceneChosen(string Display, string Scene, Guid? CategoryId) : ILiveEventFact;
