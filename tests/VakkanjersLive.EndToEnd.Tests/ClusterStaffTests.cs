using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Tests.Shared.Processes;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Staff on Blazor circuits across several app processes on one Redis, with Debian's nginx (sticky, as
/// deploy/nginx.conf) in front. A judge, a moderator and a phone each on a different node see the same finale; and
/// when the node holding the judge's and the moderator's circuits is killed with SIGKILL, both see the reconnect
/// banner, land on another node, and carry on: the judge's half-filled scorecard is still there and the moderator's
/// live grid shows it once submitted.
/// </summary>
public sealed partial class ClusterStaffTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
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
    private string _joinCode = string.Empty;

    public async Task InitializeAsync()
    {
        _nodes.AddRange(await NodeProcess.StartClusterAsync(_redis, "staff", 3));
        _nginx = new NginxProcess(_nodes.Select(n => n.BaseAddress), sticky: true);
        // A judge of the first category, the one the judging console opens with.
        _judgeCode = _nodes[0].DemoJudges.First(j => j.Category == "Junior").Code;
        _joinCode = _nodes[0].DemoJoinCode;
    }

    [Fact]
    public async Task AJudge_AModerator_AndAPhone_EachOnAnotherNode_SeeTheSameFinale()
    {
        var judge = await PageAsync(_nodes[0].BaseAddress);
        var moderator = await PageAsync(_nodes[1].BaseAddress);
        var phone = await PageAsync(_nodes[2].BaseAddress);

        await StaffPages.SignInModeratorAsync(moderator);
        var eventPath = await moderator.GetByRole(AriaRole.Link, new() { Name = "Vakkanjers finale 2026" }).First.GetAttributeAsync("href");
        await moderator.GotoAsync($"{eventPath}/judging");
        await StaffPages.WaitInteractiveAsync(moderator);
        await phone.GotoAsync($"/live/{_joinCode}");
        await Assertions.Expect(phone.Locator("#live-status")).ToHaveTextAsync("Live verbonden", new() { Timeout = 20_000 }); // three app processes, nginx and Redis on two cores

        // The judge scores on node A; the moderator's live grid on node B shows it.
        await StaffPages.SignInJudgeAsync(judge, _judgeCode);
        await judge.Locator("#on-stage").GetByRole(AriaRole.Button, new() { Name = "Beoordeel dit team" }).ClickAsync();
        var form = judge.Locator("[data-team-form][data-visible]");
        var teamId = await form.GetAttributeAsync("data-team-form");
        foreach (var (criterion, score) in new[] { ("Oplossing voor de opdrachtgever", "8"), ("Technisch ontwerp", "7"), ("Creativiteit en vernieuwing", "9"), ("Presentatie en samenwerking", "6") })
        {
            await Criterion(form, criterion).GetByText(score, new() { Exact = true }).ClickAsync();
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Score indienen" }).ClickAsync();
        await Assertions.Expect(judge.Locator($"[data-status-for='{teamId}']")).ToContainTextAsync("Opgeslagen");
        await Assertions.Expect(moderator.Locator($"#progress-grid td[data-team='{teamId}'].cell-scored")).ToHaveCountAsync(1);

        // The moderator puts the next team on stage on node B: the phone on node C and the judge on node A follow.
        var next = moderator.GetByRole(AriaRole.Button, new() { NameRegex = OnStageButton() }).Nth(1);
        var label = (await next.GetAttributeAsync("aria-label"))!;
        var team = OnStageButton().Match(label).Groups[1].Value;
        await next.ClickAsync();
        await Assertions.Expect(phone.Locator("#stage")).ToContainTextAsync(team);
        await Assertions.Expect(judge.Locator("#on-stage")).ToContainTextAsync(team);
    }

    [Fact]
    public async Task WhenTheirNodeIsKilled_StaffSeeTheBanner_AndContinueOnAnotherNode_WithNothingLost()
    {
        var moderator = await PageAsync();
        await StaffPages.SignInModeratorAsync(moderator);
        var eventPath = await moderator.GetByRole(AriaRole.Link, new() { Name = "Vakkanjers finale 2026" }).First.GetAttributeAsync("href");
        await moderator.GotoAsync($"{eventPath}/live");
        var serving = int.Parse((await moderator.Locator("#status-node").GetAttributeAsync("data-process"))!, System.Globalization.CultureInfo.InvariantCulture);
        var dying = _nodes.Single(n => n.ProcessId == serving);
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
        await Assertions.Expect(moderator.Locator("#status-node")).Not.ToHaveAttributeAsync("data-process", serving.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var now = int.Parse((await moderator.Locator("#status-node").GetAttributeAsync("data-process"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(now, _nodes.Where(n => n != dying).Select(n => n.ProcessId));
    }

    private static ILocator Criterion(ILocator form, string name) =>
        form.GetByRole(AriaRole.Radiogroup, new() { Name = $"Score voor {name}, van 1 tot 10" });

    private async Task<IPage> PageAsync(Uri? node = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = (node ?? _nginx.BaseAddress).ToString(), Locale = "nl-NL" });
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

    [GeneratedRegex("^(.+) op het podium zetten$")]
    private static partial Regex OnStageButton();
}
