using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Issue 14 item 5: a producer adds two companies and ticks two classes, builds a rotation of short rounds and starts
/// the one shared clock; two class pages (behind their teacher links) and one company page (behind its company link)
/// show now / next and switch together at "wissel!"; a class prepares a question before, and rates after.
/// </summary>
public sealed class SpeeddateTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string AsmlRoom = "https://meet.example.org/asml-klas";
    private const string PhilipsRoom = "https://meet.example.org/philips-klas";
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task TwoClassPagesAndACompanyPage_SwitchAtWissel_OnTheSharedClock()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        var store = _app.Services.GetRequiredService<ProjectionStore>();
        var (baken, wilg) = (Guid.NewGuid(), Guid.NewGuid());
        var (tokenBaken, tokenWilg) = (TeacherLinks.Generate(), TeacherLinks.Generate());
        var (klas2A, klas3B) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (school, name, token, classId, className) in new[] { (baken, "Het Baken", tokenBaken, klas2A, "2A"), (wilg, "De Wilg", tokenWilg, klas3B, "3B") })
        {
            await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.AddSchool(school, name, "Almere")));
            await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.IssueTeacherLink(school, token)));
            await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.AddClass(classId, school, className, null, SignInCodes.Generate())));
        }

        // The producer adds ASML and Philips with their meeting rooms; ASML's company link is shown once.
        var producer = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(producer, $"/events/{finale.Id}/speeddate");
        string? asmlLink = null;
        foreach (var (company, person, room) in new[] { ("ASML", "Sanne de Vries", AsmlRoom), ("Philips", "Mark Jansen", PhilipsRoom) })
        {
            await producer.GetByLabel("Bedrijf", new() { Exact = true }).FillAsync(company);
            await producer.GetByLabel("Korte introductie").FillAsync($"Wij zijn {company}.");
            await producer.GetByLabel("Wie doet er mee").FillAsync(person);
            await producer.GetByLabel("Meetinglink").FillAsync(room);
            await producer.GetByRole(AriaRole.Button, new() { Name = "Bedrijf toevoegen", Exact = true }).ClickAsync();
            await Assertions.Expect(producer.Locator("#company-table")).ToContainTextAsync(company);
            await Assertions.Expect(producer.Locator("#fresh-company-link")).ToContainTextAsync(company);
            asmlLink ??= await producer.Locator("#fresh-company-url").GetAttributeAsync("href");
        }

        // A meeting link that is no https link is refused, localised.
        await producer.GetByLabel("Bedrijf", new() { Exact = true }).FillAsync("Océ");
        await producer.GetByLabel("Wie doet er mee").FillAsync("Eva");
        await producer.GetByLabel("Meetinglink").FillAsync("http://meet.example.org/oce");
        await producer.GetByRole(AriaRole.Button, new() { Name = "Bedrijf toevoegen", Exact = true }).ClickAsync();
        await Assertions.Expect(producer.Locator("#speeddate-error")).ToContainTextAsync("https-link");

        // Both classes take part; rounds of 15 seconds, each class meets both companies.
        await producer.GetByLabel("2A · Het Baken").CheckAsync();
        await Assertions.Expect(producer.GetByLabel("2A · Het Baken")).ToBeCheckedAsync();
        await producer.GetByLabel("3B · De Wilg").CheckAsync();
        await Assertions.Expect(producer.GetByLabel("3B · De Wilg")).ToBeCheckedAsync();
        await producer.Locator("#round-length").FillAsync("0:15");
        await producer.Locator("#meetings-per-class").FillAsync("2");
        await producer.Locator("#build-rotation").ClickAsync();
        await Assertions.Expect(producer.Locator("#rotation-summary")).ToContainTextAsync("2 rondes van 0:15");
        await Assertions.Expect(producer.Locator("#rotation-table tbody tr")).ToHaveCountAsync(2);

        var plan = store.GetEvent(finale.Id)!.Speeddate.Plan!;
        var companies = store.GetEvent(finale.Id)!.Speeddate.Companies;
        string CompanyOf(Guid classId, int round) => companies.Single(c => c.Id == plan.OfClass(classId).Single(m => m.Round == round).CompanyId).Name;
        string ClassWithAsml(int round) => plan.OfCompany(companies.Single(c => c.Name == "ASML").Id).Single(m => m.Round == round).ClassId == klas2A ? "2A (Het Baken)" : "3B (De Wilg)";

        // The class pages behind the teacher links, and ASML's page behind its company link.
        var class2A = await ClassPageAsync(tokenBaken, klas2A);
        var class3B = await ClassPageAsync(tokenWilg, klas3B);
        var asml = await browser.NewPageAsync(_app, _contexts);
        await asml.GotoAsync(asmlLink!);
        await StaffPages.WaitInteractiveAsync(asml);
        await Assertions.Expect(asml.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Speeddate · ASML");
        foreach (var page in new[] { class2A, class3B, asml })
        {
            await Assertions.Expect(page.Locator("#now-line")).ToHaveTextAsync("De speeddate begint zodra de klok start.");
        }

        // Before the start 2A prepares a question for ASML (through the chat's filters: an e-mail address is refused).
        var field = class2A.GetByLabel("Vraag voor ASML");
        await field.FillAsync("Mail me op piet@example.org");
        await class2A.GetByRole(AriaRole.Button, new() { Name = "Vraag toevoegen voor ASML" }).ClickAsync();
        await Assertions.Expect(class2A.Locator("#speeddate-error")).ToContainTextAsync("Geen e-mailadressen");
        await field.FillAsync("Hoe word je monteur bij ASML?");
        await class2A.GetByRole(AriaRole.Button, new() { Name = "Vraag toevoegen voor ASML" }).ClickAsync();
        await Assertions.Expect(class2A.Locator("[data-meeting='ASML'] .speeddate-questions")).ToContainTextAsync("Hoe word je monteur bij ASML?");
        await Assertions.Expect(asml.Locator("#company-summary")).ToContainTextAsync("Hoe word je monteur bij ASML?");

        // The producer starts the clock: round 1 everywhere, from the server's time.
        // Asked first: a start fixes the rotation and cannot be undone.
        await producer.Locator("#start-speeddate").ClickAsync();
        await producer.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(producer.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(producer.Locator("#start-speeddate")).ToBeVisibleAsync();
        await producer.Locator("#start-speeddate").ClickAsync();
        await producer.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Klok starten" }).ClickAsync();
        await Assertions.Expect(producer.Locator("#producer-clock")).ToContainTextAsync("Ronde 1 van 2");
        foreach (var (page, classId) in new[] { (class2A, klas2A), (class3B, klas3B) })
        {
            var (now, next) = (CompanyOf(classId, 0), CompanyOf(classId, 1));
            await Assertions.Expect(page.Locator("#now-line")).ToHaveTextAsync($"Nu: {now} — open de meeting");
            await Assertions.Expect(page.Locator("#meeting-link")).ToHaveAttributeAsync("href", now == "ASML" ? AsmlRoom : PhilipsRoom);
            await Assertions.Expect(page.Locator("#next-line")).ToHaveTextAsync(new Regex($"^Straks: {next} over 0:(0\\d|1[0-5])$"));
            await Assertions.Expect(page.Locator("#speeddate-change")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(asml.Locator("#now-line")).ToHaveTextAsync($"Nu bij jullie: {ClassWithAsml(0)}");
        await Assertions.Expect(asml.Locator("#next-line")).ToHaveTextAsync(new Regex($"^Hierna: {Regex.Escape(ClassWithAsml(1))} over 0:\\d\\d$"));

        // "Wissel!" on all three pages at the change (a wait on the condition: the round is 15 s), and they switch.
        foreach (var page in new[] { class2A, class3B, asml })
        {
            await Assertions.Expect(page.Locator("#speeddate-change")).ToHaveTextAsync("Wissel!", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#speeddate-now")).ToHaveAttributeAsync("data-round", "2");
        }

        await Assertions.Expect(class2A.Locator("#now-line")).ToHaveTextAsync($"Nu: {CompanyOf(klas2A, 1)} — open de meeting");
        await Assertions.Expect(class3B.Locator("#now-line")).ToHaveTextAsync($"Nu: {CompanyOf(klas3B, 1)} — open de meeting");
        await Assertions.Expect(class2A.Locator("#next-line")).ToHaveTextAsync("Dit is jullie laatste gesprek.");
        await Assertions.Expect(asml.Locator("#now-line")).ToHaveTextAsync($"Nu bij jullie: {ClassWithAsml(1)}");
        Assert.NotEqual(CompanyOf(klas2A, 0), CompanyOf(klas2A, 1));

        // After the last round: 2A rates ASML; ASML's summary shows it with the question.
        await Assertions.Expect(class2A.Locator("#now-line")).ToHaveTextAsync("De speeddate is afgelopen. Hoe waren de gesprekken?", new() { Timeout = 30_000 });
        var rating = class2A.Locator("[data-meeting='ASML']");
        await rating.GetByLabel("4").CheckAsync();
        await rating.GetByLabel("Opmerking (mag leeg)").FillAsync("Heel leerzaam");
        await class2A.GetByRole(AriaRole.Button, new() { Name = "Beoordeling opslaan voor ASML" }).ClickAsync();
        await Assertions.Expect(rating.Locator("[data-rated]")).ToHaveTextAsync("Opgeslagen: 4 van 5 sterren.");
        await Assertions.Expect(asml.Locator("#now-line")).ToHaveTextAsync("De speeddate is afgelopen.");
        await Assertions.Expect(asml.Locator("#company-summary")).ToContainTextAsync("4 van 5 sterren — “Heel leerzaam”");
        await Assertions.Expect(asml.Locator("#rating-average")).ToContainTextAsync("Gemiddeld 4,0 van 5 sterren (1 beoordelingen)");
        Assert.Equal(4, store.GetEvent(finale.Id)!.Speeddate.Ratings[(klas2A, companies.Single(c => c.Name == "ASML").Id)].Stars);
    }

    private async Task<IPage> ClassPageAsync(string teacherToken, Guid classId)
    {
        var page = await browser.NewPageAsync(_app, _contexts);
        await page.GotoAsync($"/teacher/{teacherToken}");
        await page.Locator("#teacher-speeddate a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/teacher/{teacherToken}/speeddate/{classId}$"));
        await StaffPages.WaitInteractiveAsync(page);
        return page;
    }

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
