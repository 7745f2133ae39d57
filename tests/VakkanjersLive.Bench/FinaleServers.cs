using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Bench;

/// <summary>
/// The server side of the finale bench, run as a child process (<c>serve app</c> or <c>serve bare</c>) so its CPU and
/// memory are measured apart from the generator's. It prints one <c>ready {json}</c> line, then takes commands on
/// stdin, one per line, and answers on stdout:
/// <list type="bullet">
/// <item><c>feed R S</c>: for S seconds, R items a second to every viewer (the app: a chat line posted through the
/// command path, as the event's own feed; the bare hub: a 200-byte broadcast); each prints <c>sent KEY TICKS</c> just
/// before it goes out (<see cref="Stopwatch"/> ticks are CLOCK_MONOTONIC, the same in every process on the box).</item>
/// <item><c>stage S</c>: for S seconds, a moderator puts the next team on stage every second (a staff command on the
/// app; a broadcast on the bare hub); prints <c>stage MS</c> per command, its time to a durable answer.</item>
/// <item><c>stats</c>: a full blocking GC, then an aggressive one (decommits what the GC keeps for later), then
/// <c>stats MANAGED_BYTES WORKING_SET_BYTES</c>.</item>
/// <item><c>gcwatch S</c>: watches the GC for S seconds while other commands run, then prints
/// <c>gcwatch MAX_PAUSE_MS PAUSE_TOTAL_MS GCS</c> (<see cref="GcWatch"/>).</item>
/// <item><c>tally</c>: <c>tally VOTES</c>, the votes counted (the app: from the projection of the journal).</item>
/// <item><c>journal</c>: <c>journal WRITES CONFLICTS</c>, this node's journal writes and how many of them lost to
/// another node's write and were decided again (the bare hub has no journal: 0 0).</item>
/// <item><c>quit</c>.</item>
/// </list>
/// </summary>
internal static class FinaleServer
{
    public const string Ready = "ready ";

    /// <summary>Set on every node of a target on several nodes: the redis-server they share.</summary>
    public const string RedisVariable = "VKL_BENCH_REDIS";

    /// <summary>Set on the second and later nodes: the first node's description (the event is already there).</summary>
    public const string JoinVariable = "VKL_BENCH_JOIN";

    public static async Task RunAsync(string kind)
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        var join = Environment.GetEnvironmentVariable(JoinVariable) is { Length: > 0 } json ? JsonSerializer.Deserialize<TargetDescription>(json) : null;
        await using IBenchTarget target = kind == "bare" ? await BareTarget.StartAsync(redis) : await AppTarget.StartAsync(redis, join);
        Console.WriteLine(Ready + JsonSerializer.Serialize(target.Description));
        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts.FirstOrDefault())
            {
                case "feed":
                    await FeedAsync(target, int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
                    Console.WriteLine("done feed");
                    break;
                case "stage":
                    await StageAsync(target, int.Parse(parts[1], CultureInfo.InvariantCulture));
                    Console.WriteLine("done stage");
                    break;
                case "stats":
                    // Aggressive: the GC also gives back the memory it keeps committed for later allocations, so the
                    // working set counts what the viewers hold, not how much the ramp happened to allocate.
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stats {GC.GetTotalMemory(false)} {Environment.WorkingSet}"));
                    break;
                case "gcwatch":
                    // In the background, so the feed can run meanwhile; answers when the window is over.
                    _ = GcWatch.RunAsync(TimeSpan.FromSeconds(int.Parse(parts[1], CultureInfo.InvariantCulture)));
                    break;
                case "tally":
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tally {target.Votes()}"));
                    break;
                case "journal":
                    var (writes, conflicts) = target.Journal();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"journal {writes} {conflicts}"));
                    break;
                case "quit":
                    return;
            }
        }
    }

    private static async Task FeedAsync(IBenchTarget target, int rate, int seconds)
    {
        var count = rate * seconds;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var key = FinaleKeys.Feed(i);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {key} {Stopwatch.GetTimestamp()}"));
            await target.FeedAsync(key);
        }
    }

    private static async Task StageAsync(IBenchTarget target, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await target.StageAsync(i);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F2}"));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}

/// <summary>What the generator needs to know of a started server.</summary>
internal sealed record TargetDescription(string Kind, string Url, string HubPath, string? Code, Guid PollId, Guid[] Options, JudgeLogin[] Judges, Guid[] Teams, Guid[] Criteria)
{
    /// <summary>Every node's address when the target runs on several nodes (the first is <see cref="Url"/>); null: one.</summary>
    public string[]? Nodes { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string[] NodeUrls => Nodes is { Length: > 0 } nodes ? nodes : [Url];
}

internal sealed record JudgeLogin(string Code, Guid[] Teams);

internal interface IBenchTarget : IAsyncDisposable
{
    TargetDescription Description { get; }

    Task FeedAsync(string key);

    Task StageAsync(int step);

    int Votes();

    (long Writes, long Conflicts) Journal();
}

/// <summary>Keys that identify a feed item or a chat line: words, not digits (the chat filters treat digit runs as phone numbers).</summary>
internal static class FinaleKeys
{
    private static readonly string[] Words = ["appel", "boom", "citroen", "duin", "eend", "fiets", "gras", "haven", "ijs", "jas", "kaas", "lamp", "maan", "noot", "oever", "pen"];

    public static string Feed(int index) => "feed " + Spell(index);

    public static string Chat(int index) => "chat " + Spell(index);

    private static string Spell(int index) =>
        string.Join(' ', Words[(index >> 12) & 15], Words[(index >> 8) & 15], Words[(index >> 4) & 15], Words[index & 15]);
}

/// <summary>The app on one real Kestrel node (embedded SQLite journal, the shipped limits) with a finale event.</summary>
internal sealed class AppTarget(TestApp app, CommandExecutor commands, ProjectionStore store, Guid eventId, Guid categoryId, TargetDescription description) : IBenchTarget
{
    public TargetDescription Description => description;

    public static async Task<AppTarget> StartAsync(string? redis, TargetDescription? join)
    {
        // On several nodes the journal, the backplane and the cookie keys are in Redis, as deployed (one prefix per run).
        var settings = redis is null ? null : new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Redis:Prefix"] = "bench",
        };
        var app = new TestApp(settings: settings, kestrel: true);
        var commands = app.Services.GetRequiredService<CommandExecutor>();
        var store = app.Services.GetRequiredService<ProjectionStore>();
        if (join is not null)
        {
            // Another node of the same event: ready once its projection has the event from the shared journal.
            var waited = Stopwatch.StartNew();
            while (store.FindEventByJoinCode(join.Code!) is null && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            var found = store.FindEventByJoinCode(join.Code!) ?? throw new InvalidOperationException("The event did not reach this node.");
            return new AppTarget(app, commands, store, found.Id, found.Categories[0].Id, join with { Url = app.BaseAddress.ToString() });
        }

        var eventId = Guid.NewGuid();
        var categoryId = Guid.NewGuid();
        var code = JoinCodes.Generate();
        async Task Do(Func<LiveEvent, ILiveEventFact> decide)
        {
            var result = await commands.ForEventAsync(eventId, Guid.NewGuid(), "bench", decide);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Bench setup refused: {result.ErrorCode}");
            }
        }

        var judges = Environment.GetEnvironmentVariable("VKL_BENCH_JUDGES") is { } j ? int.Parse(j, CultureInfo.InvariantCulture) : 5;
        var teamCount = Environment.GetEnvironmentVariable("VKL_BENCH_TEAMS") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 10;
        await Do(s => s.Create(eventId, EventKind.VakkanjersFinale, "Benchfinale", DateOnly.FromDateTime(DateTime.UtcNow), "Eindhoven", string.Empty, code));
        await Do(s => s.AddCategory(categoryId, "Junior", "Groep 7–8"));
        var criteria = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await Do(s => s.AddCriterion(criteria[0], "Oplossing", 3, 1, 10, string.Empty));
        await Do(s => s.AddCriterion(criteria[1], "Presentatie", 1, 1, 10, string.Empty));
        var school = Guid.NewGuid();
        await Do(s => s.AddSchool(school, "De Regenboog", "Zwolle"));
        var teams = Enumerable.Range(0, teamCount).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < teams.Length; i++)
        {
            var (team, name) = (teams[i], "Team " + FinaleKeys.Feed(i)[5..]);
            await Do(s => s.RegisterTeam(team, name, school, categoryId, "Slimme plantenbak", ["Daan"]));
            await Do(s => s.OpenJudging(team));
        }

        var judgeIds = Enumerable.Range(0, judges).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < judgeIds.Length; i++)
        {
            var (judge, chair) = (judgeIds[i], i == 0);
            await Do(s => s.AppointJudge(judge, "Jurylid " + FinaleKeys.Feed(i)[5..], categoryId, null, chair));
        }

        var codes = judgeIds.Select(id => new JudgeCode(id, SignInCodes.Generate())).ToList();
        await Do(s => s.IssueJudgeCodes(codes));
        await Do(s => s.ChangeChatSettings(new ChatSettings(ChatMode.Open, HoldForReview: false, SlowModeSeconds: 0, GeneratedNicknamesOnly: true, BlockLinks: true)));
        var poll = Guid.NewGuid();
        var options = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await Do(s => s.CreatePoll(poll, "Wie wint de publieksprijs?", [new PollOption(options[0], "De Bouwers"), new PollOption(options[1], "De Vonken")], resultsLive: false));
        await Do(s => s.OpenPoll(poll));
        var description = new TargetDescription("app", app.BaseAddress.ToString(), VakkanjersLive.Web.Realtime.RealtimeSetup.HubPath, code, poll, options, [.. codes.Select(c => new JudgeLogin(c.Code, teams))], teams, criteria);
        return new AppTarget(app, commands, store, eventId, categoryId, description);
    }

    public Task FeedAsync(string key) =>
        commands.ForEventAsync(eventId, Guid.NewGuid(), "viewer", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Bench", key, DateTimeOffset.UtcNow));

    public Task StageAsync(int step)
    {
        var team = description.Teams[step % description.Teams.Length];
        return commands.ForEventAsync(eventId, Guid.NewGuid(), "moderator:bench", s => s.SetStage(categoryId, team));
    }

    public int Votes() => store.GetEvent(eventId)!.Polls.Find(description.PollId)!.TotalVotes;

    public (long Writes, long Conflicts) Journal() => (commands.Writes, commands.Conflicts);

    public ValueTask DisposeAsync()
    {
        app.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The baseline: a bare ASP.NET Core SignalR hub on Kestrel doing the least the same job needs — broadcast a 200-byte
/// item to everyone, answer a join, relay a chat line, count a vote, accept a scorecard POST — with no journal.
/// </summary>
internal sealed class BareTarget(WebApplication app, TargetDescription description) : IBenchTarget
{
    public const string HubPath = "/bare";
    private static int _votes;

    public TargetDescription Description => description;

    private IHubContext<BareHub> Hub => app.Services.GetRequiredService<IHubContext<BareHub>>();

    public static async Task<BareTarget> StartAsync(string? redis)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var signalR = builder.Services.AddSignalR();
        if (redis is not null)
        {
            // Several nodes: SignalR's own Redis backplane, the least a bare hub needs to broadcast to every node.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("bare"));
        }

        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>(HubPath);
        app.MapPost("/score", () => Results.Ok(new { ok = true }));
        app.MapGet("/live", () => Results.Ok());
        await app.StartAsync();
        var url = app.Urls.First() + "/";
        var teams = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var judges = Environment.GetEnvironmentVariable("VKL_BENCH_JUDGES") is { } j ? int.Parse(j, CultureInfo.InvariantCulture) : 5;
        var description = new TargetDescription("bare", url, HubPath, null, Guid.NewGuid(), [Guid.NewGuid(), Guid.NewGuid()], [.. Enumerable.Range(0, judges).Select(_ => new JudgeLogin(string.Empty, teams))], teams, [Guid.NewGuid(), Guid.NewGuid()]);
        return new BareTarget(app, description);
    }

    public Task FeedAsync(string key) => Hub.Clients.All.SendAsync("Feed", BareItem.Of(key));

    public Task StageAsync(int step) => Hub.Clients.All.SendAsync("Feed", BareItem.Of("stage " + step.ToString(CultureInfo.InvariantCulture)));

    public int Votes() => Volatile.Read(ref _votes);

    public (long Writes, long Conflicts) Journal() => (0, 0);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    public static void CountVote() => Interlocked.Increment(ref _votes);
}

/// <summary>The bare hub's item: the key and padding to 200 bytes on the wire, like a feed item.</summary>
internal sealed record BareItem(string Text, string Padding)
{
    public static BareItem Of(string text) => new(text, new string('x', Math.Max(0, 170 - text.Length)));
}

internal sealed class BareHub : Hub
{
    public object Join() => new { ok = true };

    public async Task<object> SendChat(string text)
    {
        await Clients.All.SendAsync("Feed", BareItem.Of(text));
        return new { ok = true };
    }

    public object Vote(int option)
    {
        BareTarget.CountVote();
        return new { ok = option >= 0 };
    }
}

/// <summary>
/// GC pauses over a window: the total from <see cref="GC.GetTotalPauseDuration"/> (exact), the longest from the last
/// pause of each kind of GC, sampled every 10 ms (a GC lasting longer than that is never missed; of several short ones
/// within 10 ms only the last is seen, which cannot hide a long one).
/// </summary>
internal static class GcWatch
{
    public static async Task RunAsync(TimeSpan window)
    {
        var startPause = GC.GetTotalPauseDuration();
        var startCount = GC.CollectionCount(0);
        var seen = new Dictionary<GCKind, long>();
        var longest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
        {
            seen[kind] = GC.GetGCMemoryInfo(kind).Index;
        }

        while (clock.Elapsed < window)
        {
            await Task.Delay(10);
            foreach (var kind in seen.Keys.ToList())
            {
                var info = GC.GetGCMemoryInfo(kind);
                if (info.Index != seen[kind])
                {
                    seen[kind] = info.Index;
                    foreach (var pause in info.PauseDurations)
                    {
                        longest = pause > longest ? pause : longest;
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gcwatch {longest.TotalMilliseconds:F1} {(GC.GetTotalPauseDuration() - startPause).TotalMilliseconds:F1} {GC.CollectionCount(0) - startCount}"));
    }
}
