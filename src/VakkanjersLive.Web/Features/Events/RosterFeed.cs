using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Events;

/// <summary>
/// Set-up is not news for the audience: names of categories, teams and schools reach it through the stage, the
/// reveal and the join snapshot, never as items of their own.
/// </summary>
public static class RosterFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Never<EventCreated>()
        .Never<EventDetailsChanged>()
        .Never<CategoryAdded>()
        .Never<CategoryChanged>()
        .Never<CategoryRemoved>()
        .Never<SchoolAdded>()
        .Never<SchoolChanged>()
        .Never<SchoolRemoved>()
        .Never<TeamRegistered>()
        .Never<TeamChanged>()
        .Never<TeamWithdrawn>()
        .Never<CriterionAdded>()
        .Never<CriterionChanged>()
        .Never<CriterionRemoved>()
        .Never<JudgeAppointed>()
        .Never<JudgeChanged>()
        .Never<JudgeRemoved>()
        .Never<JudgeCodesIssued>()
        .Never<JudgeCodeHashesIssued>()
        .Never<JudgeSignedOut>()
        .Never<FinalistsImported>()
        .Never<JuryImported>()
        .Never<RoundAdded>()
        .Never<RoundRenamed>()
        .Never<RosterPurged>()
        .Never<TeacherLinkIssued>()
        .Never<ClassAdded>()
        .Never<ClassCodeIssued>()
        .Never<ScreenTokenIssued>()
        .Never<ScreenTokenRevoked>();
}
