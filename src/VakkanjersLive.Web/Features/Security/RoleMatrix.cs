using VakkanjersLive.Web.Features.Account;

namespace VakkanjersLive.Web.Features.Security;

/// <summary>Who is asking: the columns of the role matrix (docs/security.md, "Role matrix").</summary>
public enum Audience
{
    /// <summary>Anyone with the join code (a pupil's phone, a teacher's classroom board); no staff cookie.</summary>
    Viewer,

    /// <summary>The venue screen or stream overlay: joins the live hub as a screen, reads only.</summary>
    Screen,

    /// <summary>A judge signed in with their code.</summary>
    Judge,

    /// <summary>A judge who chairs their category's jury.</summary>
    Chair,

    /// <summary>A moderator account with the co-moderator role.</summary>
    CoModerator,

    /// <summary>A moderator account with the lead-moderator role.</summary>
    LeadModerator,

    /// <summary>A moderator account with the administrator role.</summary>
    Admin,
}

/// <summary>What an entry of the matrix is.</summary>
public enum AccessKind
{
    Page,
    Endpoint,
    HubMethod,

    /// <summary>A part of a page (a tab, a section, a control) that some of the page's visitors do not get.</summary>
    PageAction,
}

/// <summary>One row of the matrix: a page, endpoint, hub method or page action and who may use it.</summary>
public sealed record Access(AccessKind Kind, string Target, string? Policy, IReadOnlySet<Audience> Allowed, string Note);

/// <summary>
/// The role matrix in one place: every page, endpoint and hub method of the app, and the page parts some visitors
/// do not get, with the audiences allowed. Pages and endpoints carry the policy named here (a test compares them
/// with their <c>[Authorize]</c> metadata and fails on a route that is not listed); one test per cell signs in as
/// that audience and checks the answer.
/// </summary>
public static class RoleMatrix
{
    public static readonly IReadOnlySet<Audience> Everyone = Set(Enum.GetValues<Audience>());
    public static readonly IReadOnlySet<Audience> Staff = Set(Audience.Judge, Audience.Chair, Audience.CoModerator, Audience.LeadModerator, Audience.Admin);
    public static readonly IReadOnlySet<Audience> Moderators = Set(Audience.CoModerator, Audience.LeadModerator, Audience.Admin);
    public static readonly IReadOnlySet<Audience> Leads = Set(Audience.LeadModerator, Audience.Admin);
    public static readonly IReadOnlySet<Audience> Judges = Set(Audience.Judge, Audience.Chair);
    public static readonly IReadOnlySet<Audience> Audiences = Set(Audience.Viewer, Audience.Judge, Audience.Chair, Audience.CoModerator, Audience.LeadModerator, Audience.Admin);

    public static IReadOnlyList<Access> Entries { get; } =
    [
        Page("/", "staff", Staff, "sends judges to /jury and moderators to /events; anonymous visitors to the sign-in page"),
        Page("/account/signin", null, Everyone, "the sign-in page"),
        Page("/account/denied", null, Everyone, "the 'no access' page"),
        Page("/account/setup", null, Set(), "creates the first administrator while there is no account at all (first run); after that it sends everyone to the sign-in page"),
        Page("/not-found", null, Everyone, "the 'not found' page"),
        Page("/error", null, Everyone, "the friendly error page"),
        Page("/privacy", null, Everyone, "the audience's privacy statement"),
        Page("/live", null, Everyone, "the join page (type a code)"),
        Page("/live/{Code}", null, Everyone, "the phone page"),
        Page("/screen/{Code}", null, Everyone, "the venue screen (read only)"),
        Page("/overlay/{Code}", null, Everyone, "the stream overlay (read only)"),
        Page("/teacher/{Token}", null, Everyone, "a school's teacher page: its classes and their class codes; the link's token is the key (no account)"),
        Page("/teacher/{Token}/speeddate/{ClassId:guid}", null, Everyone, "a class's speeddate page behind its school's teacher link: now / next company on the shared clock, questions before, ratings after"),
        Page("/speeddate/{Token}", null, Everyone, "a company's speeddate page behind its company link (no account): the class now and next, the classes' questions, the summary"),
        Page("/jury", StaffAccountSetup.JudgePolicy, Judges, "the judge's tablet: only their own category and scorecards"),
        Page("/jury/results", StaffAccountSetup.JudgePolicy, Set(Audience.Chair), "the chair's results and sign-off of their category; other judges see 'chairs only'"),
        Page("/events", StaffAccountSetup.ModeratorPolicy, Moderators, "the list of events"),
        Page("/events/{EventId:guid}", StaffAccountSetup.LeadModeratorPolicy, Leads, "event setup: details, categories, schools, teams, jury, rubric, import, judge codes"),
        Page("/events/{EventId:guid}/judging", StaffAccountSetup.LeadModeratorPolicy, Leads, "the judging console: open and close judging, the stage, progress, sign-off per category"),
        Page("/events/{EventId:guid}/results", StaffAccountSetup.LeadModeratorPolicy, Leads, "results with every score before the reveal"),
        Page("/events/{EventId:guid}/results/print", StaffAccountSetup.LeadModeratorPolicy, Leads, "printable results"),
        Page("/events/{EventId:guid}/ceremony", StaffAccountSetup.LeadModeratorPolicy, Leads, "award ceremony script: names and the jury's words once a category is frozen"),
        Page("/events/{EventId:guid}/results/{TeamId:guid}/explain", StaffAccountSetup.LeadModeratorPolicy, Leads, "printable explanation of one team's score: panel, dropped marks, rounding, blend"),
        Page("/events/{EventId:guid}/feedback", StaffAccountSetup.LeadModeratorPolicy, Leads, "printable feedback cards with the jury's comments"),
        Page("/events/{EventId:guid}/programme", StaffAccountSetup.ModeratorPolicy, Moderators, "the printable programme: running order per category and day with planned times"),
        Page("/events/{EventId:guid}/live", StaffAccountSetup.ModeratorPolicy, Moderators, "the live console: stream, countdown, reactions, scenes of the venue screen and overlay, polls, chat"),
        Page("/events/{EventId:guid}/speeddate", StaffAccountSetup.ModeratorPolicy, Moderators, "the producer's speeddate console: companies and their links, classes taking part, the rotation, the shared clock"),
        Page("/events/{EventId:guid}/speeddate/rotation", StaffAccountSetup.ModeratorPolicy, Moderators, "the printable speeddate rotation"),
        Page("/events/{EventId:guid}/moderation", StaffAccountSetup.ModeratorPolicy, Moderators, "chat, reports, questions, bans and time-outs"),
        Page("/broadcasts", StaffAccountSetup.LeadModeratorPolicy, Leads, "broadcast series (Sterk Techniekonderwijs LIVE): the list and a new series"),
        Page("/broadcasts/{SeriesId:guid}", StaffAccountSetup.LeadModeratorPolicy, Leads, "a series: plan, move and run its episodes, guests with consent, stream and replay links"),
        Page("/series/{SeriesId:guid}", null, Everyone, "a series' public schedule: upcoming and past episodes, guests, join links and replays"),
        Page("/series/{SeriesId:guid}/episodes/{EventId:guid}/replay", null, Everyone, "an episode's replay: chapters from its segments, the approved questions (no chat)"),
        Page("/staff", StaffAccountSetup.AdminPolicy, Set(Audience.Admin), "staff accounts and their roles"),

        Endpoint("POST /api/jury/scores", StaffAccountSetup.JudgePolicy, Judges, "a judge submits a scorecard for a team of their own category"),
        Endpoint("POST /api/jury/rankings", StaffAccountSetup.JudgePolicy, Judges, "a judge hands in (or revises) their ranked ballot for their own category's round"),
        Endpoint("GET /events/{eventId:guid}/exports/scores.csv", StaffAccountSetup.LeadModeratorPolicy, Leads, "every raw score and comment"),
        Endpoint("GET /events/{eventId:guid}/exports/results.csv", StaffAccountSetup.LeadModeratorPolicy, Leads, "the ranking with scores"),
        Endpoint("GET /events/{eventId:guid}/exports/scores-long.csv", StaffAccountSetup.LeadModeratorPolicy, Leads, "one category's counted scores in the long format (?category=), for the command-line tool"),
        Endpoint("GET /events/{eventId:guid}/exports/rules.json", StaffAccountSetup.LeadModeratorPolicy, Leads, "one category's scoring rules file (?category=)"),
        Endpoint("GET /events/{eventId:guid}/exports/audit.csv", StaffAccountSetup.LeadModeratorPolicy, Leads, "the judging audit trail"),
        Endpoint("GET /series/{seriesId:guid}/calendar.ics", null, Everyone, "a series' calendar feed to subscribe to (public: what the schedule shows)"),
        Endpoint("GET /series/{seriesId:guid}/episodes/{eventId:guid}/calendar.ics", null, Everyone, "one episode as a calendar file"),
        Endpoint("POST /account/signout", null, Everyone, "ends every session of the signed-in user; needs the antiforgery token"),
        Endpoint("GET /culture/set", null, Everyone, "switches the language (local redirects only)"),
        Endpoint("GET /healthz", null, Everyone, "liveness for the load balancer"),
        Endpoint("GET /readyz", null, Everyone, "readiness for the load balancer"),
        Endpoint("GET /metrics", null, Set(), "by token or network, never by role (docs/security.md, 'Metrics access')"),

        Hub("Join", Everyone, "joins an event by code as a viewer or a screen"),
        Hub("Resync", Everyone, "catches up after a gap"),
        Hub("SendChat", Audiences, "a chat message; a screen reads only"),
        Hub("Vote", Audiences, "a poll vote; a screen reads only"),
        Hub("AskQuestion", Audiences, "a question for the stage; a screen reads only"),
        Hub("Upvote", Audiences, "an upvote of a question; a screen reads only"),
        Hub("Report", Audiences, "reports a chat message; a screen reads only"),
        Hub("React", Audiences, "a reaction for a team on stage; a screen reads only"),
        Hub("ShowingScene", Set(Audience.Screen), "a venue screen or overlay says which scene it shows (listed on the live console); never journaled"),

        Action("/events: create an event", Leads, "co-moderators only open the live and moderation consoles"),
        Action("/events/{EventId:guid}/live: reveal (readiness, freeze and its override, step, the frozen ranking)", Leads, "the reveal shows scores before the audience sees them"),
        Action("/events/{EventId:guid}/moderation: settings, filters and panic mode", Leads, "co-moderators act on messages, questions and viewers"),
    ];

    public static Access Find(AccessKind kind, string target) =>
        Entries.Single(e => e.Kind == kind && string.Equals(e.Target, target, StringComparison.Ordinal));

    /// <summary>The audiences a policy name lets in ("staff" is any signed-in user, null is anyone).</summary>
    public static IReadOnlySet<Audience> AllowedBy(string? policy) => policy switch
    {
        null => Everyone,
        "staff" => Staff,
        StaffAccountSetup.ModeratorPolicy => Moderators,
        StaffAccountSetup.LeadModeratorPolicy => Leads,
        StaffAccountSetup.AdminPolicy => Set(Audience.Admin),
        StaffAccountSetup.JudgePolicy => Judges,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy."),
    };

    private static Access Page(string route, string? policy, IReadOnlySet<Audience> allowed, string note) => new(AccessKind.Page, route, policy, allowed, note);

    private static Access Endpoint(string route, string? policy, IReadOnlySet<Audience> allowed, string note) => new(AccessKind.Endpoint, route, policy, allowed, note);

    private static Access Hub(string method, IReadOnlySet<Audience> allowed, string note) => new(AccessKind.HubMethod, method, null, allowed, note);

    private static Access Action(string what, IReadOnlySet<Audience> allowed, string note) => new(AccessKind.PageAction, what, StaffAccountSetup.LeadModeratorPolicy, allowed, note);

    private static HashSet<Audience> Set(params Audience[] audiences) => [.. audiences];
}
