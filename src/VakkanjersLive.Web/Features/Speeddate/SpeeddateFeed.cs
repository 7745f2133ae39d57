using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Speeddate;

/// <summary>
/// The speeddate never reaches the public feed: its pages (the class pages behind the teacher link, the company pages
/// behind their company link, the producer's console) are Blazor pages that render it from the projection, and its
/// clock is the server's. Prepared questions and ratings are for the class and the company only.
/// </summary>
public static class SpeeddateFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Never<SpeeddateCompanyAdded>()
        .Never<SpeeddateCompanyRemoved>()
        .Never<SpeeddateCompanyLinkIssued>()
        .Never<SpeeddateClassAdded>()
        .Never<SpeeddateClassRemoved>()
        .Never<SpeeddateRotationBuilt>()
        .Never<SpeeddateStarted>()
        .Never<SpeeddateStopped>()
        .Never<SpeeddateQuestionPrepared>()
        .Never<SpeeddateMeetingRated>();
}
