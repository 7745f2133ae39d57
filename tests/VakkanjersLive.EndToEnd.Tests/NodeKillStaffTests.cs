using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Tests.Shared.Processes;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Staff on Blazor circuits when their node dies: Debian's nginx (sticky, as deploy/nginx.conf) in front of two app
/// processes on one Redis. The node holding the judge's and the moderator's circuits is killed with SIGKILL; both see
/// the reconnect banner, land on the other node, and carry on: the judge's half-filled scorecard is still there and
/// the moderator's live grid shows it once submitted.
/// </summary>
public sealed class NodeKillStaffTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    // Every state the reconnect UI goes through, kept across the reload that a lost circuit ends in.
    private const string RecordReconnectStates = """
        document.addEventListener('components-reconnect-state-changed', (event) => {
          const seen = JSON.parse(sessionStorage.getItem('vkl-test-reconnect') || '[]');
          seen.push(event.detail?.state);
          sessionStorage.setItem('vkl-test-reconnect', JSON.stringify(seen));
        }, { capture: true });
        """;

    private readonly RedisServer _redis = new();
    private readonly List<NodeProcess> _nodes = [];
    private readonly List<IBrowserContext> _contexts = [];
    private NginxProcess _nginx = default!;
    private string _judgeCode = string.Empty;

    public async Task InitializeAsync()
    {
        _nodes.AddRange(await NodeProcess.StartClusterAsync(_redis, "staffkill", 2));
        _nginx = new NginxProcess(_nodes.Select(n => n.BaseAddress), sticky: true);
        // A judge of the first category, the one the judging console opens with.
        _judgeCode = _nodes[0].DemoJudges.First(j => j.Category == "Junior").Code;
    }

    [Fact]
    public async Task WhenTheirNodeIsKilled_StaffSeeTheBanner_AndContinueOnTheOtherNode_WithNothingLost()
    {
        var moderator = await PageAsync();
        await StaffPages.SignInModeratorAsync(moderator);
        var eventPath = await moderator.GetByRole(AriaRole.Link, new() { Name = "Vakkanjers finale 2026" }).First.GetAttributeAsync("href");
        await moderator.GotoAsync($"{eventPath}/live");
        var serving = int.Parse((await moderator.Locator("#status-node").GetAttributeAsync("data-process"))!, System.Globalization.CultureInfo.InvariantCulture);
        var (dying, surviving) = _nodes[0].ProcessId == serving ? (_nodes[0], _nodes[1]) : (_nodes[1], _nodes[0]);
        Assert.Equal(serving, dying.ProcessId);
        await moderator.GotoAsync($"{eventPath}/judging");
        await StaffPages.WaitInteractiveAsync(moderator);

        var judge = await PageAsync();
        await StaffPages.SignInJudgeAsync(judge, _judgeCode);
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        var form = judge.Locator("[data-team-form][data-visible]");
        var teamId = await form.GetAttributeAsync("data-team-form");
        await Criterion(form, "Oplossing voor de opdrachtgever").GetByText("8", new() { Exact = true }).ClickAsync();

        // The node holding both circuits crashes mid-scorecard.
        foreach (var page in new[] { judge, moderator })
        {
            await page.EvaluateAsync("() => document.documentElement.dataset.beforeCrash = 'yes'");
        }

        dying.Kill();

        // Each page shows the banner, finds its circuit gone on the other node, and reloads there by itself.
        foreach (var page in new[] { judge, moderator })
        {
            await Assertions.Expect(page.Locator("html:not([data-before-crash]) #app-root[data-interactive='yes']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            var states = await page.EvaluateAsync<string[]>("() => JSON.parse(sessionStorage.getItem('vkl-test-reconnect') || '[]')");
            Assert.Contains("show", states);
            Assert.Contains("rejected", states);
        }

        // The judge's draft survived; they finish and submit on the surviving node.
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        form = judge.Locator($"[data-team-form='{teamId}']");
        await Assertions.Expect(Criterion(form, "Oplossing voor de opdrachtgever").GetByRole(AriaRole.Radio, new() { Name = "8", Exact = true })).ToBeCheckedAsync();
        await Criterion(form, "Technisch ontwerp").GetByText("7", new() { Exact = true }).ClickAsync();
        await Criterion(form, "Creativiteit en vernieuwing").GetByText("9", new() { Exact = true }).ClickAsync();
        await Criterion(form, "Presentatie en samenwerking").GetByText("6", new() { Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
        await Assertions.Expect(judge.Locator($"[data-status-for='{teamId}']")).ToContainTextAsync("Opgeslagen");

        // The moderator's live grid on the other node shows it, and the status panel says which node that is.
        await Assertions.Expect(moderator.Locator($"#progress-grid td[data-team='{teamId}'].cell-scored")).ToHaveCountAsync(1);
        await moderator.GotoAsync($"{eventPath}/live");
        await Assertions.Expect(moderator.Locator("#status-node")).ToHaveAttributeAsync("data-process", surviving.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ILocator Criterion(ILocator form, string name) =>
        form.GetByRole(AriaRole.Radiogroup, new() { Name = $"Score voor {name}, van 1 tot 10" });

    private async Task<IPage> PageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _nginx.BaseAddress.ToString(), Locale = "nl-NL" });
        _contexts.Add(context);
        await context.AddInitScriptAsync(RecordReconnectStates);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _nginx?.Dispose();
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        _redis.Dispose();
    }
}
