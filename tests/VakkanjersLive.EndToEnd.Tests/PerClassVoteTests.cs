using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// The per-class publieksprijs in browsers (issue 11): a lead moderator makes a teacher link, the teacher makes a class
/// code, pupils of two classes join with their class codes and vote, and the moderator shows points that add up.
/// </summary>
public sealed class PerClassVoteTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Question = "Wie wint de publieksprijs?";
    private readonly TestApp _app = new(kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task PupilsOfTwoClasses_VoteWithClassCodes_AndTheShownPointsAddUp()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        var wilg = Guid.NewGuid();
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.AddSchool(wilg, "De Wilg", "Gouda")));
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.RegisterTeam(Guid.NewGuid(), "De Uilen", wilg, s.Categories[0].Id, "Nachtlamp", ["Iris"])));

        // The lead moderator makes the teacher link of De Regenboog on the codes tab; it is shown once, on a slip.
        var moderator = await browser.NewPageAsync(_app, _contexts);
        await StaffPages.SignInModeratorAsync(moderator, $"/events/{finale.Id}");
        await moderator.GetByRole(AriaRole.Tab, new() { Name = "Inlogcodes jury" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Leraarlink maken voor De Regenboog" }).ClickAsync();
        var teacherUrl = await moderator.Locator("#fresh-teacher-slips .teacher-link").GetAttributeAsync("href");
        Assert.Contains("/teacher/", teacherUrl, StringComparison.Ordinal);

        // The teacher (no account) makes class 2B's code.
        var teacher = await browser.NewPageAsync(_app, _contexts);
        await teacher.GotoAsync(teacherUrl!);
        await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Klassen van De Regenboog");
        await teacher.GetByLabel("Klas", new() { Exact = true }).FillAsync("2B");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Klas toevoegen en code maken" }).ClickAsync();
        var slip = teacher.Locator(".code-slip[data-class='2B'] .slip-code");
        await Assertions.Expect(slip).ToBeVisibleAsync();
        var code2B = SignInCodes.Normalize((await slip.InnerTextAsync()).Replace("Klascode:", string.Empty, StringComparison.Ordinal));

        // Het Baken's teacher made class H3 the same way (here straight through the journal).
        var codeH3 = SignInCodes.Generate();
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.AddClass(Guid.NewGuid(), s.Schools.Single(x => x.Name == "Het Baken").Id, "H3", null, codeH3)));

        // The moderator drafts a per-class poll of all teams in the live console and opens it.
        await moderator.GotoAsync($"/events/{finale.Id}/live");
        await StaffPages.WaitInteractiveAsync(moderator);
        await moderator.GetByLabel("Vraag", new() { Exact = true }).FillAsync(Question);
        await moderator.GetByText("Per klas: punten per klas").ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Alle teams als opties" }).ClickAsync();
        await Assertions.Expect(moderator.GetByLabel("Keuze 3", new() { Exact = true })).ToHaveValueAsync("De Uilen (De Wilg)");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Peiling openen: {Question}" }).ClickAsync();
        var control = moderator.Locator(".poll-control");
        await Assertions.Expect(control.Locator(".poll-state")).ToHaveTextAsync("Open");

        // Two pupils of 2B type their class code on the join page; one pupil of H3 opens the class link.
        var pupilA = await JoinWithCodeAsync(code2B);
        var pupilB = await JoinWithCodeAsync(code2B);
        var pupilC = await browser.NewPageAsync(_app, _contexts);
        await pupilC.GotoAsync($"/live?class={codeH3}");
        foreach (var pupil in new[] { pupilA, pupilB, pupilC })
        {
            await Assertions.Expect(pupil.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
        }

        await Assertions.Expect(pupilA.Locator("#live-class")).ToHaveTextAsync("Je stemt met klas 2B (De Regenboog).");

        // A class cannot vote for its own school: the pupil is told so and picks another team.
        await VoteAsync(pupilA, "De Bouwers (De Regenboog)");
        await Assertions.Expect(pupilA.Locator("#poll-feedback")).ToHaveTextAsync("Je klas kan niet stemmen op een team van je eigen school.");
        await VoteAsync(pupilA, "De Vonken (Het Baken)");
        await VoteAsync(pupilB, "De Uilen (De Wilg)");
        await VoteAsync(pupilC, "De Uilen (De Wilg)");
        foreach (var pupil in new[] { pupilA, pupilB, pupilC })
        {
            await Assertions.Expect(pupil.Locator("#poll-status")).ToHaveTextAsync("Je stem is geteld.");
        }

        // 2B: De Vonken (first to one vote) 12, De Uilen 10; H3: De Uilen 12. The console shows the ballots and points.
        var perClass = control.Locator(".poll-per-class");
        await Assertions.Expect(perClass.Locator(".per-class-ballots li")).ToHaveCountAsync(2);
        await Assertions.Expect(perClass.Locator(".per-class-standings tbody tr").First).ToContainTextAsync("De Uilen (De Wilg)");
        await Assertions.Expect(perClass.Locator(".per-class-standings tbody tr").First.Locator(".per-class-points")).ToHaveTextAsync("22");
        await Assertions.Expect(pupilA.Locator(".poll-result")).ToHaveCountAsync(0);

        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Peiling sluiten: {Question}" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = $"Uitslag tonen: {Question}" }).ClickAsync();

        foreach (var pupil in new[] { pupilA, pupilC })
        {
            var results = pupil.Locator(".poll-result");
            await Assertions.Expect(results).ToHaveCountAsync(3);
            await Assertions.Expect(results.Nth(0)).ToContainTextAsync("De Uilen (De Wilg)");
            await Assertions.Expect(results.Nth(0).Locator(".poll-percent")).ToHaveTextAsync("22 punten");
            await Assertions.Expect(results.Nth(1).Locator(".poll-percent")).ToHaveTextAsync("12 punten");
            await Assertions.Expect(results.Nth(2).Locator(".poll-percent")).ToHaveTextAsync("0 punten");
            await Assertions.Expect(pupil.Locator(".poll-total")).ToHaveTextAsync("Punten van 2 klassen");
        }
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

    private async Task<IPage> JoinWithCodeAsync(string code)
    {
        var pupil = await browser.NewPageAsync(_app, _contexts);
        await pupil.GotoAsync("/live");
        await pupil.GetByLabel("Klascode", new() { Exact = true }).FillAsync(SignInCodes.Format(code));
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Klascode gebruiken" }).ClickAsync();
        return pupil;
    }

    private static async Task VoteAsync(IPage pupil, string team)
    {
        var form = pupil.GetByRole(AriaRole.Group, new() { Name = Question });
        await form.GetByRole(AriaRole.Radio, new() { Name = team }).CheckAsync();
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Stemmen", Exact = true }).ClickAsync();
    }
}
