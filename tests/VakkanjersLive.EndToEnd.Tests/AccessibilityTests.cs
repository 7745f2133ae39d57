using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// axe-core (WCAG 2.1 A/AA) on every kind of page a real user reaches, on the seeded demo (140 teams, judges with
/// codes, polls) brought into the states that matter: scores in, a team open for scoring, chat, an open poll, a reveal.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestApp _app = new(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" }, kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];
    private readonly AxeReport _axe = new();

    private LiveEvent Finale => Store.Events.Single(e => e.Kind == EventKind.VakkanjersFinale);

    /// <summary>The chair of the first category, whose team on stage is open for scoring.</summary>
    private Judge Chair => Finale.Judges.First(j => j.IsChair && j.CategoryId == Finale.Categories[0].Id);

    private LiveEvent Episode => Store.Events.Single(e => e.Kind == EventKind.TechniekLive && e.Broadcast.State == EpisodeState.Planned);

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    [Fact]
    public async Task StaffPages_MeetWcag21AA()
    {
        await ScoreTeamOnStageAsync(lockRound: false);
        await ChatAsync(Finale, held: true);
        // "Volgende team" in the first category: the console shows the pitch timer and the team still being scored.
        var firstCategory = Chair.CategoryId;
        await RunAsync(Finale, s => s.CallNextTeam(firstCategory, DateTimeOffset.UtcNow, s.OnStage(firstCategory)?.Id));
        var page = await browser.NewPageAsync(_app, _contexts);

        await page.GotoAsync("/account/signin");
        await _axe.CheckAsync(page, "the sign-in page");
        await page.GetByLabel("Gebruikersnaam").FillAsync(TestApp.AdminUser);
        await page.GetByLabel("Wachtwoord").FillAsync("niet het wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen als moderator" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signin-error")).Not.ToBeEmptyAsync();
        await _axe.CheckAsync(page, "the sign-in page after a wrong password");

        await StaffPages.SignInModeratorAsync(page);
        await Assertions.Expect(page.GetByText(Finale.Name)).ToBeVisibleAsync();
        await _axe.CheckAsync(page, "the events list");

        await OpenStaffPageAsync(page, $"/events/{Finale.Id}");
        foreach (var tab in new[] { "Algemeen", "Categorieën", "Beoordelingsformulier", "Scholen", "Finalisten", "Jury", "Importeren", "Inlogcodes jury" })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
            await _axe.CheckAsync(page, $"the event setup tab '{tab}'");
        }

        // A new code for one judge (not the chair the jury test signs in with): its slip is shown once, to print.
        var other = Finale.Judges.Last(j => !j.IsChair);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Nieuwe code voor {other.Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Nieuwe code" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fresh-slips .code-slip")).ToHaveCountAsync(1);
        // The "code made" snackbar fades in and out (its colours mid-fade are not its colours): check once it has gone.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await _axe.CheckAsync(page, "the judge code slip shown once");

        foreach (var (path, what) in new[]
        {
            ($"/events/{Finale.Id}/judging", "the judging console"),
            ($"/events/{Finale.Id}/results", "the results"),
            ($"/events/{Finale.Id}/live", "the live console with the drafted audience vote"),
            ($"/events/{Episode.Id}/live", "the live console with an open poll"),
            ($"/events/{Finale.Id}/moderation", "the moderation console with a held message"),
            ("/staff", "the staff page"),
        })
        {
            await OpenStaffPageAsync(page, path);
            await _axe.CheckAsync(page, what);
        }

        // Printed pages are static (no circuit), but a moderator reads them on screen first.
        foreach (var (path, what) in new[]
        {
            ($"/events/{Finale.Id}/results/print", "the printable results"),
            ($"/events/{Finale.Id}/feedback", "the feedback cards"),
            ($"/events/{Finale.Id}/ceremony", "the award ceremony script"),
            ($"/events/{Finale.Id}/programme", "the printable programme"),
            ($"/events/{Finale.Id}/results/{Finale.Teams[0].Id}/explain", "a team's score explanation"),
        })
        {
            await page.GotoAsync(path);
            await _axe.CheckAsync(page, what);
        }

        _axe.AssertClean();
    }

    [Fact]
    public async Task JuryPages_MeetWcag21AA()
    {
        var judge = await SignedInJudgeAsync();
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        await Assertions.Expect(judge.Locator("[data-team-form]:visible")).ToHaveCountAsync(1);

        await _axe.CheckAsync(judge, "the jury page with a team open for scoring");

        // The chair's view of the panel's results, once the panel has scored.
        await ScoreTeamOnStageAsync(lockRound: false);
        await OpenStaffPageAsync(judge, "/jury/results");
        await _axe.CheckAsync(judge, "the jury chair's results");

        // A judge who follows a moderator's link is told why it does not open.
        await judge.GotoAsync("/events");
        await Assertions.Expect(judge).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/denied"));
        await _axe.CheckAsync(judge, "the access denied page");
        _axe.AssertClean();
    }

    [Fact]
    public async Task AudiencePages_MeetWcag21AA()
    {
        // Another category's pitch is running: its stage card carries the timer.
        var other = Finale.Categories[1].Id;
        await RunAsync(Finale, s => s.CallNextTeam(other, DateTimeOffset.UtcNow, s.OnStage(other)?.Id));
        await ScoreTeamOnStageAsync(lockRound: true);
        var categoryId = Chair.CategoryId;
        // The demo has one team scored: the category is not ready, so the lead moderator freezes it anyway.
        await RunAsync(Finale, s => s.PrepareReveal(categoryId, rehearsal: false, overrideReason: "toegankelijkheidstest"));
        await RunAsync(Finale, s => s.StepReveal(categoryId));
        await RunAsync(Finale, s => s.OpenPoll(s.Polls.All[0].Id));
        await ChatAsync(Finale, held: false);

        var phone = await browser.NewPhoneAsync(_app, _contexts);
        await phone.GotoAsync($"/live/{Finale.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(phone.Locator("#chat-list li")).ToHaveCountAsync(2);
        await Assertions.Expect(phone.Locator("#poll-form")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".reveal-row")).ToHaveCountAsync(1);
        await _axe.CheckAsync(phone, "the audience phone with chat, an open poll and a reveal");

        foreach (var mode in new[] { "screen", "overlay" })
        {
            var page = await browser.NewPageAsync(_app, _contexts);
            await page.GotoAsync(await TestData.ScreenPathAsync(_app, mode, Finale.JoinCode));
            await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
            await Assertions.Expect(page.Locator(".reveal-row")).ToHaveCountAsync(1);
            await _axe.CheckAsync(page, $"the venue {mode}");
        }

        await phone.GotoAsync("/live");
        await _axe.CheckAsync(phone, "the join page");
        await phone.GotoAsync("/privacy");
        await _axe.CheckAsync(phone, "the privacy page");
        await phone.GotoAsync("/live/ONBEKEND");
        await _axe.CheckAsync(phone, "the audience page for an unknown join code");
        _axe.AssertClean();
    }

    [Fact]
    public async Task BroadcastPages_MeetWcag21AA()
    {
        var series = Assert.Single(Store.Series.All);
        var past = Store.EpisodesOf(series.Id)[0];

        var phone = await browser.NewPhoneAsync(_app, _contexts);
        await phone.GotoAsync($"/series/{series.Id}");
        await Assertions.Expect(phone.Locator("#upcoming .episode")).ToHaveCountAsync(1);
        await _axe.CheckAsync(phone, "a series' public schedule");
        await phone.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Upcoming episodes" })).ToBeVisibleAsync();
        await _axe.CheckAsync(phone, "a series' public schedule in English");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();

        await phone.GotoAsync($"/live/{Episode.JoinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        await Assertions.Expect(phone.Locator("#waiting-room")).ToBeVisibleAsync();
        await _axe.CheckAsync(phone, "an episode's phone page with the waiting room");
        await phone.GotoAsync($"/live/{past.JoinCode}");
        await Assertions.Expect(phone.Locator("#replay-link")).ToBeVisibleAsync();
        await _axe.CheckAsync(phone, "a past episode's phone page with its replay");
        await phone.GotoAsync($"/series/{series.Id}/episodes/{past.Id}/replay");
        await Assertions.Expect(phone.Locator("#replay-chapters li")).ToHaveCountAsync(5);
        await _axe.CheckAsync(phone, "a past episode's replay with chapters and questions");

        var page = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(page, "/broadcasts");
        await Assertions.Expect(page.Locator("#series-table")).ToContainTextAsync(series.Name);
        await _axe.CheckAsync(page, "the broadcast series list");
        await OpenStaffPageAsync(page, $"/broadcasts/{series.Id}");
        await Assertions.Expect(page.Locator("#episode-4")).ToBeVisibleAsync();
        await _axe.CheckAsync(page, "a series with its episodes");
        await OpenStaffPageAsync(page, $"/events/{Episode.Id}/live");
        await Assertions.Expect(page.Locator("#segment-table tbody tr")).ToHaveCountAsync(5);
        await _axe.CheckAsync(page, "an episode's live console with its run-of-show");
        _axe.AssertClean();
    }

    [Fact]
    public async Task AJudge_ScoresTheTeamOnStage_WithTheKeyboardOnly()
    {
        var judge = await SignedInJudgeAsync();
        var team = Finale.OnStage(Chair.CategoryId)!;
        int[] picked = [7, 1, 10, 6];

        await judge.TabToAsync(judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }));
        await judge.Keyboard.PressAsync("Enter");
        var form = judge.Locator($"[data-team-form='{team.Id}']");
        await Assertions.Expect(form).ToBeVisibleAsync();
        for (var c = 0; c < Finale.Rubric.Count; c++)
        {
            var criterion = Finale.Rubric[c];
            var scale = form.GetByRole(AriaRole.Radiogroup, new() { Name = $"Score voor {criterion.Name}, van 1 tot 10" });
            await judge.TabToAsync(scale.GetByRole(AriaRole.Radio).First);
            await judge.ChooseWithArrowsAsync(picked[c] - criterion.ScaleMin);
            await Assertions.Expect(scale.GetByRole(AriaRole.Radio, new() { Name = picked[c].ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true })).ToBeCheckedAsync();
        }

        await judge.TabToAsync(form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }));
        await judge.Keyboard.PressAsync("Enter");

        await Assertions.Expect(judge.Locator($"[data-status-for='{team.Id}']")).ToContainTextAsync("Opgeslagen");
        var card = Finale.ScorecardOf(Chair.Id, team.Id);
        Assert.NotNull(card);
        Assert.Equal(picked.Select(p => (decimal)p), Finale.Rubric.Select(c => card.Scores.Single(s => s.CriterionId == c.Id).Value));
    }

    [Fact]
    public async Task AViewer_VotesAndChats_WithTheKeyboardOnly()
    {
        await TestData.OpenChatAsync(_app, Episode.Id);
        var poll = Episode.RunningPoll!;
        var viewer = await browser.NewPageAsync(_app, _contexts);
        await viewer.GotoAsync($"/live/{Episode.JoinCode}");
        await Assertions.Expect(viewer.Locator("#live-status")).ToHaveTextAsync("Live verbonden");

        // Vote for the second choice: Tab into the poll, an arrow key picks, Tab to the button, Enter sends.
        var choices = viewer.GetByRole(AriaRole.Group, new() { Name = poll.Question });
        await viewer.TabToAsync(choices.GetByRole(AriaRole.Radio).First);
        await viewer.ChooseWithArrowsAsync(1);
        await Assertions.Expect(choices.GetByRole(AriaRole.Radio, new() { Name = poll.Options[1].Text })).ToBeCheckedAsync();
        await viewer.TabToAsync(viewer.GetByRole(AriaRole.Button, new() { Name = "Stemmen", Exact = true }));
        await viewer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(viewer.Locator("#poll-status")).ToHaveTextAsync("Je stem is geteld.");
        await Assertions.Expect(viewer.Locator(".poll-result.mine")).ToContainTextAsync(poll.Options[1].Text);
        await _axe.CheckAsync(viewer, "the audience page after voting, with live poll results");

        // Chat: Tab to the message box, type, Enter sends the form.
        await viewer.TabToAsync(viewer.GetByRole(AriaRole.Textbox, new() { Name = "Bericht" }));
        await viewer.Keyboard.TypeAsync("Alleen met het toetsenbord!");
        await viewer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(viewer.Locator("#chat-list")).ToContainTextAsync("Alleen met het toetsenbord!");
        _axe.AssertClean();
    }

    [Fact]
    public async Task TheTeacherPage_MeetsWcag21AA_WithAndWithoutFreshClassCodes()
    {
        var token = TeacherLinks.Generate();
        await RunAsync(Finale, s => s.IssueTeacherLink(s.Schools[0].Id, token));
        var teacher = await browser.NewPageAsync(_app, _contexts);

        await teacher.GotoAsync($"/teacher/{token}");
        await _axe.CheckAsync(teacher, "the teacher page");
        await teacher.GetByLabel("Klas", new() { Exact = true }).FillAsync("2B");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Klas toevoegen en code maken" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".code-slip")).ToHaveCountAsync(1);
        await _axe.CheckAsync(teacher, "the teacher page with a fresh class code");
        await teacher.GotoAsync($"/teacher/{TeacherLinks.Generate()}");
        await _axe.CheckAsync(teacher, "the teacher page for an unknown link");
        _axe.AssertClean();
    }

    [Fact]
    public async Task SpeeddatePages_MeetWcag21AA_BeforeDuringAndAfter()
    {
        // The demo's upcoming episode has the speeddate (three companies, four classes, the rotation built); the test
        // makes a new teacher link and company link, since the demo's are only in the credentials file.
        var schoolClass = Episode.SpeeddateClasses[0];
        var (teacherToken, companyToken) = (TeacherLinks.Generate(), TeacherLinks.Generate());
        await RunAsync(Episode, s => s.IssueTeacherLink(schoolClass.SchoolId, teacherToken));
        var meeting = Episode.Speeddate.Plan!.OfClass(schoolClass.Id)[0];
        await RunAsync(Episode, s => s.IssueCompanyLink(meeting.CompanyId, companyToken));
        await RunAsync(Episode, s => s.PrepareSpeeddateQuestion(Guid.NewGuid(), schoolClass.Id, meeting.CompanyId, "Wat maken jullie precies?", DateTimeOffset.UtcNow));

        var producer = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(producer, $"/events/{Episode.Id}/speeddate");
        await Assertions.Expect(producer.Locator("#rotation-table tbody tr")).ToHaveCountAsync(Episode.Speeddate.Plan!.Rounds);
        await _axe.CheckAsync(producer, "the speeddate console with its rotation");
        await producer.GotoAsync($"/events/{Episode.Id}/speeddate/rotation");
        await _axe.CheckAsync(producer, "the printable speeddate rotation");

        var teacher = await browser.NewPageAsync(_app, _contexts);
        await teacher.GotoAsync($"/teacher/{teacherToken}");
        await Assertions.Expect(teacher.Locator("#teacher-speeddate")).ToBeVisibleAsync();
        await _axe.CheckAsync(teacher, "the teacher page with its speeddate classes");

        var classPage = await browser.NewPageAsync(_app, _contexts);
        await OpenStaffPageAsync(classPage, $"/teacher/{teacherToken}/speeddate/{schoolClass.Id}");
        await _axe.CheckAsync(classPage, "a class's speeddate page before the start");
        var company = await browser.NewPageAsync(_app, _contexts);
        await OpenStaffPageAsync(company, $"/speeddate/{companyToken}");
        await _axe.CheckAsync(company, "a company's speeddate page before the start");

        await RunAsync(Episode, s => s.StartSpeeddate(DateTimeOffset.UtcNow));
        await Assertions.Expect(classPage.Locator("#speeddate-now")).ToHaveAttributeAsync("data-phase", "Running");
        await _axe.CheckAsync(classPage, "a class's speeddate page during a round");
        await Assertions.Expect(company.Locator("#speeddate-now")).ToHaveAttributeAsync("data-phase", "Running");
        await _axe.CheckAsync(company, "a company's speeddate page during a round");

        await RunAsync(Episode, s => s.StopSpeeddate(DateTimeOffset.UtcNow));
        await Assertions.Expect(classPage.Locator("#speeddate-now")).ToHaveAttributeAsync("data-phase", "Finished");
        await _axe.CheckAsync(classPage, "a class's speeddate page with its rating forms");
        await RunAsync(Episode, s => s.RateSpeeddateMeeting(schoolClass.Id, meeting.CompanyId, 5, "Top", DateTimeOffset.UtcNow));
        await Assertions.Expect(company.Locator("#rating-average")).ToBeVisibleAsync();
        await _axe.CheckAsync(company, "a company's speeddate summary");

        await company.GotoAsync($"/speeddate/{TeacherLinks.Generate()}");
        await _axe.CheckAsync(company, "the speeddate page for an unknown company link");
        _axe.AssertClean();
    }

    private static async Task OpenStaffPageAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await StaffPages.WaitInteractiveAsync(page);
    }

    private async Task<IPage> SignedInJudgeAsync()
    {
        var judge = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInJudgeAsync(judge, TestData.DemoCodeOf(_app, Chair));
        return judge;
    }

    /// <summary>Every judge of the chair's category without a conflict scores the team on stage.</summary>
    private async Task ScoreTeamOnStageAsync(bool lockRound)
    {
        var team = Finale.OnStage(Chair.CategoryId)!;
        var judges = Finale.Judges.Where(j => j.CategoryId == Chair.CategoryId && j.SchoolId != team.SchoolId).ToList();
        for (var j = 0; j < judges.Count; j++)
        {
            var (judge, offset) = (judges[j], j);
            await RunAsync(Finale, s => s.SubmitScore(judge.Id, team.Id, s.Rubric.Select((c, i) => new CriterionScore(c.Id, 5 + ((offset + i) % 5), string.Empty)).ToList(), "Mooi gepresenteerd.", null));
        }

        if (lockRound)
        {
            await RunAsync(Finale, s => s.LockRound(s.CurrentRoundId));
        }
    }

    private async Task ChatAsync(LiveEvent liveEvent, bool held)
    {
        await RunAsync(liveEvent, s => s.ChangeChatSettings(new ChatSettings(ChatMode.Open, HoldForReview: held, SlowModeSeconds: 0, GeneratedNicknamesOnly: false, BlockLinks: true)));
        foreach (var (nickname, text) in new[] { ("Snelle Uil 11", "Succes allemaal!"), ("Blije Vos 4", "Wat een gaaf project") })
        {
            await RunAsync(liveEvent, s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), nickname, text, DateTimeOffset.UtcNow));
        }
    }

    private Task RunAsync(LiveEvent liveEvent, Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(liveEvent.Id, Guid.NewGuid(), "test", decide));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _app.Dispose();
    }
}
