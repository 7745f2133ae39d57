using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 8: every scene of the venue screen and the overlay (join QR, now on stage with the timer,
/// countdown, poll, question "nu aan de beurt", reveal with the winner, the producer's blank scene) fits a 16:9 projector at 1920×1080 and
/// 1280×720: no element outside the viewport, no scrolling, no word broken inside. The seeded demo (four categories
/// of 28 teams with real-length names) is the hall; the scenes follow the state as the producer moves it on.
/// </summary>
public sealed class ScreenFitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly (int Width, int Height)[] Sizes = [(1920, 1080), (1280, 720)];
    private static readonly string[] Modes = ["screen", "overlay"];

    /// <summary>What does not fit: elements outside the viewport, a page that scrolls, words broken over two lines.</summary>
    private const string FitCheck = """
        (wordsOnly) => {
          const vw = window.innerWidth, vh = window.innerHeight, problems = [];
          const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : '');
          const root = document.documentElement;
          if (!wordsOnly && (root.scrollHeight > vh + 1 || root.scrollWidth > vw + 1)) problems.push(`the page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
          const shown = (el) => el.checkVisibility({ checkVisibilityCSS: true }) && !el.closest('.visually-hidden');
          for (const el of wordsOnly ? [] : document.querySelectorAll('#live *')) {
            if (!shown(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1)
              problems.push(`${name(el)} outside the viewport: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
          }
          const walker = document.createTreeWalker(document.getElementById('live'), NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (!node.parentElement || !shown(node.parentElement)) continue;
            for (const m of node.textContent.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) problems.push(`"${m[0]}" broken inside the word in ${name(node.parentElement)}`);
            }
          }
          return problems;
        }
        """;

    private readonly TestApp _app = new(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" }, kestrel: true);
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _problems = [];

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    private Guid _finaleId;

    /// <summary>The demo's finale (the quiet one this test adds is a finale too).</summary>
    private LiveEvent Finale => Store.GetEvent(_finaleId)!;

    [Fact]
    public async Task EveryScene_OfTheVenueScreenAndTheOverlay_FitsBothProjectorSizes()
    {
        _finaleId = Store.Events.Single(e => e.Kind == EventKind.VakkanjersFinale).Id;

        // Join: an event with nobody on stage and nothing else going on.
        var quiet = await TestData.SmallFinaleAsync(_app, "Rustige finale");
        // Both displays show how to join: the screen full size, the overlay as a lower third (it showed nothing).
        await CheckScenesAsync(await OpenAsync(quiet.JoinCode), "join", async page =>
        {
            await Assertions.Expect(page.Locator(".screen-join .qr svg, .overlay-join .qr svg")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".screen-join .join-url, .overlay-join .join-url")).ToContainTextAsync(quiet.JoinCode);
        });

        var pages = await OpenAsync(Finale.JoinCode);
        var category = Finale.Categories[0].Id;

        // Now on stage, with the pitch timer of the first category running.
        await RunAsync(s => s.CallNextTeam(category, DateTimeOffset.UtcNow, s.OnStage(category)?.Id));
        await CheckScenesAsync(pages, "stage", async page => await Assertions.Expect(page.Locator("#stage .is-focus .pitch-timer .pitch-time")).Not.ToBeEmptyAsync());

        await RunAsync(s => s.SetCountdown(DateTimeOffset.UtcNow, 600, "De finale begint over"));
        await CheckScenesAsync(pages, "countdown");

        var poll = Finale.Polls.All[0].Id;
        await RunAsync(s => s.OpenPoll(poll));
        await CheckScenesAsync(pages, "poll");

        var question = Guid.NewGuid();
        await RunAsync(s => s.SwitchQuestions(true));
        await RunAsync(s => s.AskQuestion(question, Guid.NewGuid(), "Nieuwsgierige Vos 42", "Hoe lang hebben jullie over het bouwen van het prototype gedaan, en wat was het moeilijkste onderdeel om werkend te krijgen voor de opdrachtgever?", DateTimeOffset.UtcNow));
        await RunAsync(s => s.ApproveQuestion(question));
        await RunAsync(s => s.HighlightQuestion(question));
        await CheckScenesAsync(pages, "question");

        // The reveal of the first category, to the winner: six teams scored by the panel.
        var teams = Finale.RunningOrderOf(category).Take(6).Select(s => s.TeamId).ToList();
        foreach (var (team, index) in teams.Select((t, i) => (t, i)))
        {
            if (Finale.JudgingOf(team) != JudgingState.Open)
            {
                await RunAsync(s => s.OpenJudging(team));
            }

            foreach (var judge in Finale.Judges.Where(j => j.CategoryId == category && !Finale.IsConflicted(j.Id, team)))
            {
                await RunAsync(s => s.SubmitScore(judge.Id, team, [.. s.Rubric.Select(c => new CriterionScore(c.Id, 3 + index, string.Empty))], null, null));
            }
        }

        await RunAsync(s => s.LockCategory(category));
        await RunAsync(s => s.PrepareReveal(category, rehearsal: false, overrideReason: "schermtest"));
        for (var step = 0; step < teams.Count; step++)
        {
            await RunAsync(s => s.StepReveal(category));
        }

        await CheckScenesAsync(pages, "reveal", async page => await Assertions.Expect(page.Locator("#scoreboard .is-focus .reveal-row.winner")).ToBeVisibleAsync());

        // The producer's blank scene (issue 13, item 8): only the event's name, on both displays.
        await RunAsync(s => s.ChooseScene(SceneNames.Screen, SceneNames.Blank, null, DateTimeOffset.UtcNow));
        await RunAsync(s => s.ChooseScene(SceneNames.Overlay, SceneNames.Blank, null, DateTimeOffset.UtcNow));
        await CheckScenesAsync(pages, "blank");

        // A phone: the reveal's and the stage cards' names are never broken inside a word, and the timer shows.
        var phone = await browser.NewPhoneAsync(_app, _contexts);
        await phone.GotoAsync($"/live/{Finale.JoinCode}");
        await Assertions.Expect(phone.Locator(".reveal-row.winner")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator($"#stage .stage-item[data-category='{category}'] .pitch-timer")).ToBeVisibleAsync();
        _problems.AddRange((await phone.EvaluateAsync<string[]>(FitCheck, true)).Select(p => $"phone: {p}"));
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    /// <summary>One page per mode and size, on the event's live feed.</summary>
    private async Task<List<(IPage Page, string What)>> OpenAsync(string joinCode)
    {
        var pages = new List<(IPage, string)>();
        foreach (var mode in Modes)
        {
            foreach (var (width, height) in Sizes)
            {
                var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseAddress.ToString(), Locale = "nl-NL", ViewportSize = new ViewportSize { Width = width, Height = height } });
                _contexts.Add(context);
                var page = await context.NewPageAsync();
                await page.GotoAsync(await TestData.ScreenPathAsync(_app, mode, joinCode));
                await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live verbonden");
                pages.Add((page, $"{mode} {width}×{height}"));
            }
        }

        return pages;
    }

    private async Task CheckScenesAsync(List<(IPage Page, string What)> pages, string scene, Func<IPage, Task>? ready = null)
    {
        foreach (var (page, what) in pages)
        {
            await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-scene", scene);
            if (ready is not null)
            {
                await ready(page);
            }

            // Animations (a reveal's entrance, the winner moment) end before the measurement.
            await page.WaitForFunctionAsync("() => document.getAnimations().every((a) => a.playState !== 'running')");
            _problems.AddRange((await page.EvaluateAsync<string[]>(FitCheck, false)).Select(p => $"{scene}, {what}: {p}"));
        }
    }

    private Task RunAsync(Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(Finale.Id, Guid.NewGuid(), "test", decide));

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
