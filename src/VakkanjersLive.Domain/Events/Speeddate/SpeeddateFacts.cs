namespace VakkanjersLive.Domain.Events;

/// <summary>
/// A company taking part in the event's speeddate: its name, a short intro, the (adult) person taking part, the link
/// of its own video meeting room (the platform never hosts video) and the hash of its company link's token
/// (<see cref="SignInCodes.Hash"/>; the token is shown once, like a teacher link).
/// </summary>
public sealed record SpeeddateCompanyAdded(Guid CompanyId, string Name, string Intro, string Person, string MeetingUrl, string Hash) : ILiveEventFact;

/// <summary>A company taken out of the speeddate before it started (its rotation is built anew).</summary>
public sealed record SpeeddateCompanyRemoved(Guid CompanyId) : ILiveEventFact;

/// <summary>A new company link (a lost or forwarded link): the old one stops working.</summary>
public sealed record SpeeddateCompanyLinkIssued(Guid CompanyId, string Hash) : ILiveEventFact;

/// <summary>A class of the event (made through its school's teacher link) takes part in the speeddate.</summary>
public sealed record SpeeddateClassAdded(Guid ClassId) : ILiveEventFact;

/// <summary>A class taken out of the speeddate before it started.</summary>
public sealed record SpeeddateClassRemoved(Guid ClassId) : ILiveEventFact;

/// <summary>
/// The rotation, built by <see cref="SpeeddateRotation.Build"/> from the companies and classes at that moment: rounds
/// of <paramref name="RoundSeconds"/>, each class meeting up to <paramref name="MeetingsPerClass"/> companies. Stored
/// whole, so the printed rotation is the one that runs; adding or removing a company or class drops it.
/// </summary>
public sealed record SpeeddateRotationBuilt(int RoundSeconds, int MeetingsPerClass, int Rounds, IReadOnlyList<SpeeddateMeeting> Meetings) : ILiveEventFact;

/// <summary>The shared clock starts: round 1 begins at <paramref name="At"/> (the server's time).</summary>
public sealed record SpeeddateStarted(DateTimeOffset At) : ILiveEventFact;

/// <summary>The producer ends the speeddate (early, or to open the ratings right away).</summary>
public sealed record SpeeddateStopped(DateTimeOffset At) : ILiveEventFact;

/// <summary>A question a class prepared for a company before their meeting (pupils' text: blanked by the privacy purge).</summary>
public sealed record SpeeddateQuestionPrepared(Guid QuestionId, Guid ClassId, Guid CompanyId, [property: ViewerData] string Text) : ILiveEventFact;

/// <summary>A class's rating of a meeting after it (1–5 stars, an optional comment); a later rating replaces it.</summary>
public sealed record SpeeddateMeetingRated(Guid ClassId, Guid CompanyId, int Stars, [property: ViewerData] string Comment) : ILiveEventFact;
