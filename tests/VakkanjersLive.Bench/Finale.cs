using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Bench;

/// <summary>
/// The finale bench (issue 16): the bare-hub baseline and the app, one after the other, each a child process
/// (<see cref="FinaleServer"/>) driven by the same generator, in this process or, past 19,000 viewers, in several
/// (<see cref="AudienceFleet"/>). With <c>--nodes N</c> each target runs on N nodes sharing one real redis-server
/// (<see cref="ServerNodes"/>), viewers spread over the nodes. Viewers connect from 127.0.0.2–251, so the app runs on
/// its shipped per-address limits. Phases, each bounded in time:
/// ramp (N viewers connect and join) → memory per viewer → feed (R items/s) → chat (C lines/s through the hub from
/// distinct viewers) → load (chat at C/s, a vote storm, every judge submitting scorecards through the real endpoint
/// from a process of its own (<see cref="JuryProcess"/>: tablets are devices of their own), a moderator stepping the
/// stage every second) → reconnect storm (every viewer dropped at once, all re-joined, each with its last position as
/// the browser does).
/// Prints a line per phase and a table of app against baseline, and writes the JSON to <c>--json</c>.
/// </summary>
internal static class FinaleBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = FinaleOptions.Parse(args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"finale   {options.Viewers} viewers · feed {options.Rate}/s · chat {options.Chat}/s · {options.Votes} votes in {options.Seconds} s · {options.Judges} judges × {options.Teams} teams · phases of {options.Seconds} s · {options.Nodes} node(s) · {options.Generators} generator process(es)"));
        var results = new Dictionary<string, FinaleResult>(StringComparer.Ordinal);
        foreach (var kind in options.Targets)
        {
            results[kind] = await RunTargetAsync(kind, options);
        }

        var report = FinaleReport.Of(options, results);
        report.Print();
        var json = JsonSerializer.Serialize(report.ToJson(), new JsonSerializerOptions { WriteIndented = true });
        if (options.Json is { } path)
        {
            await File.WriteAllTextAsync(path, json);
            Console.WriteLine($"finale   JSON written to {path}");
        }
        else
        {
            Console.WriteLine(json);
        }

        return 0;
    }

    private static async Task<FinaleResult> RunTargetAsync(string kind, FinaleOptions options)
    {
        var result = new FinaleResult { Kind = kind, LoadBefore = LoadAverage() };
        await using var server = await ServerNodes.StartAsync(kind, options);
        var target = server.Description;
        IAudience audience = options.Generators > 1 ? AudienceFleet.Start(target, options.Viewers, options.Generators) : new Audience(target, options.Viewers);
        var before = await server.StatsAsync();

        var ramp = Stopwatch.StartNew();
        var refused = await audience.ConnectAllAsync();
        result.RampSeconds = ramp.Elapsed.TotalSeconds;
        result.ViewersConnected = audience.Connected;
        Progress(kind, "ramp", string.Create(CultureInfo.InvariantCulture, $"{audience.Connected}/{options.Viewers} joined in {result.RampSeconds:F1} s{Refusals(refused)}"));
        // GC pauses in the first seconds after the ramp, while the feed runs.
        var gc = server.WatchGcAsync(options.Seconds);

        // Feed: the server sends R items a second to everyone.
        await server.CommandAsync($"feed {options.Rate} {options.Seconds}", "done feed");
        var feed = await audience.CollectAsync(FinaleKeys.Feed, options.Rate * options.Seconds, server.SentTicks);
        (result.FanoutP50Ms, result.FanoutP99Ms) = (feed.P50, feed.P99);
        result.Delivered += feed.Delivered;
        result.Expected += feed.Expected;
        Progress(kind, "feed", feed.Describe());
        (result.GcMaxPauseMs, result.GcPauseTotalMs, result.GcCount) = await gc;
        Progress(kind, "gc", string.Create(CultureInfo.InvariantCulture, $"{result.GcCount} GCs in the {options.Seconds} s after the ramp, longest pause {result.GcMaxPauseMs:F1} ms, {result.GcPauseTotalMs:F0} ms paused in all"));

        var after = await server.StatsAsync();
        result.ServerKbPerViewer = audience.Connected == 0 ? 0 : (after.WorkingSet - before.WorkingSet) / 1024.0 / audience.Connected;
        result.ServerManagedKbPerViewer = audience.Connected == 0 ? 0 : (after.Managed - before.Managed) / 1024.0 / audience.Connected;
        Progress(kind, "memory", string.Create(CultureInfo.InvariantCulture, $"{result.ServerKbPerViewer:F1} KB working set, {result.ServerManagedKbPerViewer:F1} KB managed heap per viewer"));

        var cpu = CpuMeter.Start(server.ProcessIds, audience is AudienceFleet fleet ? fleet.ProcessIds : []);

        // Chat through the hub from distinct viewers.
        var chat = await audience.ChatAsync(options.Chat, options.Seconds, offset: 0);
        var chatFanout = await audience.CollectAsync(FinaleKeys.Chat, chat.Sent, audience.ChatSentTicks);
        (result.ChatP50Ms, result.ChatP99Ms, result.ChatAckP99Ms) = (chatFanout.P50, chatFanout.P99, Percentile(chat.Acks, 0.99));
        result.Delivered += chatFanout.Delivered;
        result.Expected += chatFanout.Expected;
        Progress(kind, "chat", chatFanout.Describe() + string.Create(CultureInfo.InvariantCulture, $"; ack p99 {result.ChatAckP99Ms:F0} ms, refused {chat.Refused}"));

        // Everything at once: chat goes on, the hall votes, the jury scores, the moderator steps the stage.
        using var judges = await JuryProcess.StartAsync(target, options.Teams, options.Seconds);
        var stage = server.CommandAsync($"stage {options.Seconds}", "done stage");
        var chatting = audience.ChatAsync(options.Chat, options.Seconds, offset: chat.Sent);
        var voting = audience.VoteAsync(options.Votes, options.Seconds);
        var scoring = judges.ScoreAsync();
        await Task.WhenAll(stage, chatting, voting, scoring);
        var (votes, jury, loadChat) = (await voting, await scoring, await chatting);
        var loadFanout = await audience.CollectAsync(FinaleKeys.Chat, loadChat.Sent, audience.ChatSentTicks, from: chat.Sent);
        result.Delivered += loadFanout.Delivered;
        result.Expected += loadFanout.Expected;
        result.LoadChatP99Ms = loadFanout.P99;
        (result.JuryAckP50Ms, result.JuryAckP99Ms, result.JuryRefused) = (Percentile(jury.Acks, 0.5), Percentile(jury.Acks, 0.99), jury.Refused);
        (result.VoteAckP99Ms, result.VotesAcked, result.VotesRefused) = (Percentile(votes.Acks, 0.99), votes.Acks.Count, votes.Refused);
        result.VotesCounted = await server.TallyAsync(votes.Acks.Count);
        result.StageAckP99Ms = Percentile(server.StageAcks, 0.99);
        (result.JournalWrites, result.JournalConflicts) = await server.JournalAsync();
        Progress(kind, "load", string.Create(CultureInfo.InvariantCulture, $"jury ack p50 {result.JuryAckP50Ms:F1} ms p99 {result.JuryAckP99Ms:F1} ms ({jury.Acks.Count} cards, refused {jury.Refused}); votes {votes.Acks.Count} acked, {result.VotesCounted} counted, ack p99 {result.VoteAckP99Ms:F0} ms, refused {votes.Refused}; stage ack p99 {result.StageAckP99Ms:F1} ms; journal writes {result.JournalWrites}, lost to another node {result.JournalConflicts}; chat fan-out {loadFanout.Describe()}"));
        (result.CpuServerPct, result.CpuGeneratorPct) = cpu.Stop();

        // The reconnect storm.
        var storm = Stopwatch.StartNew();
        var rejoinRefused = await audience.ReconnectAllAsync();
        result.RejoinAllSeconds = storm.Elapsed.TotalSeconds;
        Progress(kind, "rejoin", string.Create(CultureInfo.InvariantCulture, $"{audience.Connected}/{options.Viewers} back in {result.RejoinAllSeconds:F1} s{Refusals(rejoinRefused)}"));
        await audience.DisposeAsync();
        result.Gaps = audience.Gaps;
        return result;
    }

    private static string Refusals(IReadOnlyDictionary<string, int> refused) =>
        refused.Count == 0 ? string.Empty : "; refused " + string.Join(", ", refused.Select(r => $"{r.Key}×{r.Value}"));

    public static double Percentile(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static void Progress(string kind, string phase, string text) =>
        Console.WriteLine($"{kind,-5} {phase,-7} {text}");
}

internal sealed record FinaleOptions(int Viewers, int Rate, int Chat, int Votes, int Judges, int Teams, int Seconds, string[] Targets, string? Json, int Nodes = 1, int Generators = 1)
{
    public static FinaleOptions Parse(string[] args)
    {
        int Get(string name, int fallback, int max)
        {
            var index = Array.IndexOf(args, name);
            var value = index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
            return Math.Clamp(value, 1, max);
        }

        string? Text(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        // Bounded: a process holds at most 20,000 open files here (ulimit -n): a server node takes at most 19,000
        // viewers, a generator process 19,000 (by default one per 15,000 past 19,000).
        var nodes = Get("--nodes", 1, 4);
        var viewers = Get("--viewers", 1000, 19_000 * nodes);
        var generators = Math.Max(Get("--generators", viewers <= 19_000 ? 1 : (viewers + 14_999) / 15_000, 8), (viewers + 18_999) / 19_000);
        var targets = (Text("--targets") ?? "bare,app").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (targets.Any(t => t is not ("bare" or "app")))
        {
            throw new ArgumentException("--targets takes bare, app or both (bare,app).");
        }

        return new FinaleOptions(viewers, Get("--rate", 2, 100), Get("--chat", 20, 200), Math.Min(Get("--votes", 1000, 19_000), viewers), Get("--judges", 5, 50), Get("--teams", 10, 60), Get("--seconds", 10, 120), targets, Text("--json"), nodes, generators);
    }
}

/// <summary>One target's figures.</summary>
internal sealed class FinaleResult
{
    public string Kind { get; set; } = string.Empty;
    public string LoadBefore { get; set; } = string.Empty;
    public int ViewersConnected { get; set; }
    public double RampSeconds { get; set; }
    public double GcMaxPauseMs { get; set; }
    public double GcPauseTotalMs { get; set; }
    public int GcCount { get; set; }
    public double ServerKbPerViewer { get; set; }
    public double ServerManagedKbPerViewer { get; set; }
    public double FanoutP50Ms { get; set; }
    public double FanoutP99Ms { get; set; }
    public double ChatP50Ms { get; set; }
    public double ChatP99Ms { get; set; }
    public double ChatAckP99Ms { get; set; }
    public double LoadChatP99Ms { get; set; }
    public double JuryAckP50Ms { get; set; }
    public double JuryAckP99Ms { get; set; }
    public int JuryRefused { get; set; }
    public double VoteAckP99Ms { get; set; }
    public int VotesAcked { get; set; }
    public int VotesRefused { get; set; }
    public int VotesCounted { get; set; }
    public double StageAckP99Ms { get; set; }
    public double RejoinAllSeconds { get; set; }
    public long Delivered { get; set; }
    public long Expected { get; set; }
    public long Gaps { get; set; }
    public double CpuServerPct { get; set; }
    public double CpuGeneratorPct { get; set; }
    public long JournalWrites { get; set; }
    public long JournalConflicts { get; set; }

    public double DeliveredPct => Expected == 0 ? 100 : 100.0 * Delivered / Expected;

    public long Lost => Expected - Delivered;

    public Dictionary<string, object> ToJson() => new(StringComparer.Ordinal)
    {
        ["load_before"] = LoadBefore,
        ["viewers_connected"] = ViewersConnected,
        ["ramp_s"] = Round(RampSeconds),
        ["gc_max_pause_ms"] = Round(GcMaxPauseMs),
        ["gc_pause_total_ms"] = Round(GcPauseTotalMs),
        ["gc_count"] = GcCount,
        ["delivered_pct"] = Round(DeliveredPct, 3),
        ["lost"] = Lost,
        ["gaps"] = Gaps,
        ["fanout_p50_ms"] = Round(FanoutP50Ms),
        ["fanout_p99_ms"] = Round(FanoutP99Ms),
        ["chat_p50_ms"] = Round(ChatP50Ms),
        ["chat_p99_ms"] = Round(ChatP99Ms),
        ["chat_ack_p99_ms"] = Round(ChatAckP99Ms),
        ["load_chat_p99_ms"] = Round(LoadChatP99Ms),
        ["jury_ack_p50_ms"] = Round(JuryAckP50Ms),
        ["jury_ack_p99_ms"] = Round(JuryAckP99Ms),
        ["jury_refused"] = JuryRefused,
        ["vote_ack_p99_ms"] = Round(VoteAckP99Ms),
        ["votes_acked"] = VotesAcked,
        ["votes_refused"] = VotesRefused,
        ["votes_counted"] = VotesCounted,
        ["stage_ack_p99_ms"] = Round(StageAckP99Ms),
        ["rejoin_all_s"] = Round(RejoinAllSeconds),
        ["server_kb_per_viewer"] = Round(ServerKbPerViewer),
        ["server_managed_kb_per_viewer"] = Round(ServerManagedKbPerViewer),
        ["cpu_server_pct"] = Round(CpuServerPct),
        ["cpu_generator_pct"] = Round(CpuGeneratorPct),
        ["journal_writes"] = JournalWrites,
        ["journal_conflicts"] = JournalConflicts,
    };

    private static double Round(double value, int decimals = 2) => double.IsFinite(value) ? Math.Round(value, decimals) : -1;
}

internal sealed record FinaleReport(FinaleOptions Options, IReadOnlyDictionary<string, FinaleResult> Results)
{
    private static readonly (string Name, Func<FinaleResult, double> Of, string Unit)[] Rows =
    [
        ("viewers connected", r => r.ViewersConnected, string.Empty),
        ("delivered", r => r.DeliveredPct, "%"),
        ("lost / gaps", r => r.Lost + r.Gaps, string.Empty),
        ("feed fan-out p50", r => r.FanoutP50Ms, "ms"),
        ("feed fan-out p99", r => r.FanoutP99Ms, "ms"),
        ("chat fan-out p99", r => r.ChatP99Ms, "ms"),
        ("chat ack p99", r => r.ChatAckP99Ms, "ms"),
        ("jury ack p50 under load", r => r.JuryAckP50Ms, "ms"),
        ("jury ack p99 under load", r => r.JuryAckP99Ms, "ms"),
        ("vote ack p99", r => r.VoteAckP99Ms, "ms"),
        ("votes counted", r => r.VotesCounted, string.Empty),
        ("stage ack p99", r => r.StageAckP99Ms, "ms"),
        ("re-join all", r => r.RejoinAllSeconds, "s"),
        ("GC: longest pause after ramp", r => r.GcMaxPauseMs, "ms"),
        ("server KB per viewer", r => r.ServerKbPerViewer, "KB"),
        ("server CPU (of the box)", r => r.CpuServerPct, "%"),
        ("generator CPU (of the box)", r => r.CpuGeneratorPct, "%"),
    ];

    public static FinaleReport Of(FinaleOptions options, IReadOnlyDictionary<string, FinaleResult> results) => new(options, results);

    public void Print()
    {
        var bare = Results.GetValueOrDefault("bare");
        var app = Results.GetValueOrDefault("app");
        Console.WriteLine();
        Console.WriteLine($"| {"figure",-28} | {"bare hub",10} | {"app",10} | {"ratio",6} |");
        Console.WriteLine($"|{new string('-', 30)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 8)}|");
        foreach (var (name, of, unit) in Rows)
        {
            string Cell(FinaleResult? r) => r is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{of(r):0.#} {unit}").Trim();
            var ratio = bare is not null && app is not null && of(bare) > 0 ? string.Create(CultureInfo.InvariantCulture, $"{of(app) / of(bare):F2}×") : "—";
            Console.WriteLine($"| {name,-28} | {Cell(bare),10} | {Cell(app),10} | {ratio,6} |");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average before: bare {bare?.LoadBefore ?? "—"}, app {app?.LoadBefore ?? "—"}; {Environment.ProcessorCount} cores"));
    }

    public Dictionary<string, object> ToJson()
    {
        var json = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["cores"] = Environment.ProcessorCount,
            ["parameters"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["viewers"] = Options.Viewers,
                ["feed_per_s"] = Options.Rate,
                ["chat_per_s"] = Options.Chat,
                ["votes"] = Options.Votes,
                ["judges"] = Options.Judges,
                ["teams"] = Options.Teams,
                ["phase_s"] = Options.Seconds,
                ["nodes"] = Options.Nodes,
                ["generator_processes"] = Options.Generators,
            },
        };
        foreach (var (kind, result) in Results)
        {
            json[kind] = result.ToJson();
        }

        if (Results.TryGetValue("bare", out var bare) && Results.TryGetValue("app", out var app))
        {
            var ratios = new Dictionary<string, object>(StringComparer.Ordinal);
            var ours = app.ToJson();
            foreach (var (key, value) in bare.ToJson())
            {
                if (value is double b && b > 0 && ours[key] is double a && a >= 0)
                {
                    ratios[key] = Math.Round(a / b, 2);
                }
            }

            json["ratio_app_to_bare"] = ratios;
        }

        return json;
    }
}

/// <summary>
/// A target on one node, or on several sharing one real redis-server (started here on a free loopback port): the first
/// node sets the event up, feeds and steps the stage; the others join it. Memory, CPU and GC add up over the nodes.
/// </summary>
internal sealed class ServerNodes : IAsyncDisposable
{
    private readonly ServerProcess[] _nodes;
    private readonly VakkanjersLive.Tests.Shared.Processes.RedisServer? _redis;

    private ServerNodes(ServerProcess[] nodes, VakkanjersLive.Tests.Shared.Processes.RedisServer? redis, TargetDescription description) =>
        (_nodes, _redis, Description) = (nodes, redis, description);

    public TargetDescription Description { get; }

    public IEnumerable<int> ProcessIds => _nodes.Select(n => n.ProcessId);

    public ConcurrentDictionary<string, long> SentTicks => _nodes[0].SentTicks;

    public ConcurrentBag<double> StageAcks => _nodes[0].StageAcks;

    public static async Task<ServerNodes> StartAsync(string kind, FinaleOptions options)
    {
        if (options.Nodes == 1)
        {
            var single = await ServerProcess.StartAsync(kind, options);
            return new ServerNodes([single], null, single.Description);
        }

        var redis = new VakkanjersLive.Tests.Shared.Processes.RedisServer();
        var first = await ServerProcess.StartAsync(kind, options, redis.ConnectionString);
        var nodes = new List<ServerProcess> { first };
        for (var i = 1; i < options.Nodes; i++)
        {
            nodes.Add(await ServerProcess.StartAsync(kind, options, redis.ConnectionString, first.Description));
        }

        Console.WriteLine($"{kind,-5} redis   127.0.0.1:{redis.Port}, {options.Nodes} nodes");
        return new ServerNodes([.. nodes], redis, first.Description with { Nodes = [.. nodes.Select(n => n.Description.Url)] });
    }

    public Task CommandAsync(string command, string answer) => _nodes[0].CommandAsync(command, answer);

    public async Task<(long Managed, long WorkingSet)> StatsAsync()
    {
        var stats = await Task.WhenAll(_nodes.Select(n => n.StatsAsync()));
        return (stats.Sum(s => s.Managed), stats.Sum(s => s.WorkingSet));
    }

    public async Task<(double MaxPauseMs, double PauseTotalMs, int Count)> WatchGcAsync(int seconds)
    {
        var watched = await Task.WhenAll(_nodes.Select(n => n.WatchGcAsync(seconds)));
        return (watched.Max(w => w.MaxPauseMs), watched.Sum(w => w.PauseTotalMs), watched.Sum(w => w.Count));
    }

    /// <summary>
    /// The votes counted: the bare hub counts per node; the app counts once, in the shared journal, read on the first
    /// node (which may still be folding the other nodes' last votes: read until it has the acknowledged ones, at most 30 s).
    /// </summary>
    public async Task<int> TallyAsync(int acknowledged)
    {
        if (Description.Kind == "bare")
        {
            return (await Task.WhenAll(_nodes.Select(n => n.TallyAsync()))).Sum();
        }

        var waited = Stopwatch.StartNew();
        var tally = await _nodes[0].TallyAsync();
        while (tally < acknowledged && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
            tally = await _nodes[0].TallyAsync();
        }

        return tally;
    }

    /// <summary>Journal writes and the conflicts between nodes among them, over all nodes.</summary>
    public async Task<(long Writes, long Conflicts)> JournalAsync()
    {
        var journal = await Task.WhenAll(_nodes.Select(n => n.JournalAsync()));
        return (journal.Sum(j => j.Writes), journal.Sum(j => j.Conflicts));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        _redis?.Dispose();
    }
}

/// <summary>A bench server child process and the lines it prints.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _answers = [];
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<TargetDescription> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    public TargetDescription Description => _ready.Task.Result;

    public int ProcessId => _process.Id;

    /// <summary>When each feed item was sent, by key (Stopwatch ticks, the same clock in every process).</summary>
    public ConcurrentDictionary<string, long> SentTicks { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<double> StageAcks { get; } = [];

    public static async Task<ServerProcess> StartAsync(string kind, FinaleOptions options, string? redis = null, TargetDescription? join = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(kind);
        start.Environment["DOTNET_gcServer"] = "1"; // as the Web SDK ships the app
        start.Environment["VKL_BENCH_JUDGES"] = options.Judges.ToString(CultureInfo.InvariantCulture);
        start.Environment["VKL_BENCH_TEAMS"] = options.Teams.ToString(CultureInfo.InvariantCulture);
        if (redis is not null)
        {
            start.Environment[FinaleServer.RedisVariable] = redis;
        }

        if (join is not null)
        {
            start.Environment[FinaleServer.JoinVariable] = JsonSerializer.Serialize(join);
        }

        var server = new ServerProcess(Process.Start(start)!);
        _ = Task.Run(server.ReadAsync);
        var ready = await server._ready.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Console.WriteLine($"{kind,-5} server  pid {server.ProcessId} at {ready.Url}");
        return server;
    }

    public async Task CommandAsync(string command, string answer)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        await WaitForAsync(answer);
    }

    public async Task<(long Managed, long WorkingSet)> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        var parts = (await WaitForAsync("stats ")).Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Starts the server's GC watch; the task ends with its figures once the window is over.</summary>
    public async Task<(double MaxPauseMs, double PauseTotalMs, int Count)> WatchGcAsync(int seconds)
    {
        await _process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"gcwatch {seconds}"));
        await _process.StandardInput.FlushAsync();
        var parts = (await WaitForAsync("gcwatch ")).Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public async Task<(long Writes, long Conflicts)> JournalAsync()
    {
        await _process.StandardInput.WriteLineAsync("journal");
        await _process.StandardInput.FlushAsync();
        var parts = (await WaitForAsync("journal ")).Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public async Task<int> TallyAsync()
    {
        await _process.StandardInput.WriteLineAsync("tally");
        await _process.StandardInput.FlushAsync();
        return int.Parse((await WaitForAsync("tally ")).Split(' ')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The first answer starting with <paramref name="prefix"/>; answers for other waiters stay for them.</summary>
    private async Task<string> WaitForAsync(string prefix)
    {
        var deadline = Task.Delay(TimeSpan.FromMinutes(5));
        while (true)
        {
            Task changed;
            lock (_answers)
            {
                var index = _answers.FindIndex(a => a.StartsWith(prefix, StringComparison.Ordinal));
                if (index >= 0)
                {
                    var line = _answers[index];
                    _answers.RemoveAt(index);
                    return line;
                }

                changed = _answered.Task;
            }

            if (await Task.WhenAny(changed, deadline) == deadline)
            {
                throw new TimeoutException($"The bench server did not answer '{prefix.Trim()}' within 5 minutes.");
            }
        }
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("sent ", StringComparison.Ordinal))
            {
                var cut = line.LastIndexOf(' ');
                SentTicks[line[5..cut]] = long.Parse(line[(cut + 1)..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("stage ", StringComparison.Ordinal))
            {
                StageAcks.Add(double.Parse(line[6..], CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith(FinaleServer.Ready, StringComparison.Ordinal))
            {
                _ready.TrySetResult(JsonSerializer.Deserialize<TargetDescription>(line[FinaleServer.Ready.Length..])!);
            }
            else if (line.StartsWith("done ", StringComparison.Ordinal) || line.StartsWith("stats ", StringComparison.Ordinal) || line.StartsWith("tally ", StringComparison.Ordinal) || line.StartsWith("gcwatch ", StringComparison.Ordinal) || line.StartsWith("journal ", StringComparison.Ordinal))
            {
                lock (_answers)
                {
                    _answers.Add(line);
                    var answered = _answered;
                    _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    answered.SetResult();
                }
            }
        }

        _ready.TrySetException(new InvalidOperationException("The bench server stopped before it was ready."));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

/// <summary>CPU used by the server processes (from /proc) and by the generator (this process and its children) over a stretch of wall time.</summary>
internal sealed class CpuMeter
{
    private readonly int[] _servers;
    private readonly int[] _generators;
    private readonly double _serverStart;
    private readonly double _generatorStart;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    private CpuMeter(int[] servers, int[] generators)
    {
        (_servers, _generators) = (servers, [Environment.ProcessId, .. generators]);
        (_serverStart, _generatorStart) = (Seconds(_servers), Seconds(_generators));
    }

    public static CpuMeter Start(IEnumerable<int> servers, IEnumerable<int> generators) => new([.. servers], [.. generators]);

    /// <summary>Percent of the whole box (all cores) for the server and the generator.</summary>
    public (double Server, double Generator) Stop()
    {
        var wall = _wall.Elapsed.TotalSeconds * Environment.ProcessorCount;
        return (100 * (Seconds(_servers) - _serverStart) / wall, 100 * (Seconds(_generators) - _generatorStart) / wall);
    }

    private static double Seconds(int[] pids) => pids.Sum(pid =>
    {
        // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 a second on Linux).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    });
}

/// <summary>
/// The audience in this process: N hub connections spread over 250 loopback source addresses and over the target's
/// nodes (viewer n, counting from <paramref name="first"/> over all generator processes, goes to node n mod nodes), and
/// what arrives on them.
/// </summary>
internal sealed class Audience(TargetDescription target, int count, int first = 0) : IAudience
{
    private const int SourceAddresses = 250;
    private readonly Viewer[] _viewers = new Viewer[count];
    private readonly ConcurrentDictionary<string, Arrivals> _arrivals = new(StringComparer.Ordinal);
    private readonly HttpClient[][] _pages = [.. target.NodeUrls.Select(url => Enumerable.Range(0, SourceAddresses).Select(a => new HttpClient(Sources.Handler(a), disposeHandler: false) { BaseAddress = new Uri(url) }).ToArray())];
    private long _gaps;
    private Viewer[]? _joined;

    public int Connected => _viewers.Count(v => v?.Joined == true);

    public long Gaps => Interlocked.Read(ref _gaps);

    public ConcurrentDictionary<string, long> ChatSentTicks { get; } = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, int>> ConnectAllAsync()
    {
        return await JoinEachAsync(Enumerable.Range(0, count), concurrency: 200, async i =>
        {
            var (source, node) = ((first + i) % SourceAddresses, (first + i) % _pages.Length);
            var cookie = target.Kind == "app" ? AudienceIdentity.FromResponse(await _pages[node][source].GetAsync("/live")) : string.Empty;
            _viewers[i] = new Viewer(this, source, target.NodeUrls[node], cookie);
            return await _viewers[i].JoinAsync();
        });
    }

    public async Task<IReadOnlyDictionary<string, int>> ReconnectAllAsync()
    {
        var viewers = _viewers.Where(v => v is not null).ToList();
        await Task.WhenAll(viewers.Select(v => v.DropAsync()));
        return await JoinEachAsync(viewers, concurrency: 500, v => v.JoinAsync());
    }

    /// <summary>Runs <paramref name="join"/> for each, at most <paramref name="concurrency"/> at once; counts refusals by code or exception.</summary>
    private async Task<IReadOnlyDictionary<string, int>> JoinEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, Task<string?>> join)
    {
        var refused = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                if (await join(item) is { } code)
                {
                    refused.AddOrUpdate(code, 1, (_, n) => n + 1);
                }
            }
            catch (Exception e) when (e is HttpRequestException or WebSocketException or InvalidOperationException or IOException)
            {
                refused.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            }
            finally
            {
                gate.Release();
            }
        }));
        _joined = null;
        return refused;
    }

    /// <summary>Chat lines through the hub at <paramref name="rate"/> a second, each from another viewer.</summary>
    public async Task<Sends> ChatAsync(int rate, int seconds, int offset)
    {
        var sends = new Sends();
        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        var calls = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var key = FinaleKeys.Chat(offset + i);
            var viewer = Speaker(offset + i);
            ChatSentTicks[key] = Stopwatch.GetTimestamp();
            calls.Add(sends.TimeAsync(viewer.ChatAsync(key)));
        }

        await Task.WhenAll(calls);
        sends.Sent = total;
        return sends;
    }

    /// <summary>A vote storm: <paramref name="votes"/> distinct viewers vote within <paramref name="seconds"/>.</summary>
    public async Task<Sends> VoteAsync(int votes, int seconds)
    {
        var sends = new Sends();
        var clock = Stopwatch.StartNew();
        var calls = new List<Task>(votes);
        for (var i = 0; i < votes; i++)
        {
            var due = TimeSpan.FromSeconds(seconds * (double)i / votes);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            calls.Add(sends.TimeAsync(Speaker(count - 1 - i).VoteAsync(i % 2)));
        }

        await Task.WhenAll(calls);
        sends.Sent = votes;
        return sends;
    }

    /// <summary>Waits (at most 60 s) until every viewer has every item, then works out the latencies from the send times.</summary>
    public async Task<Collected> CollectAsync(Func<int, string> key, int items, IReadOnlyDictionary<string, long> sentTicks, int from = 0)
    {
        var keys = Enumerable.Range(from, items).Select(key).ToArray();
        var expected = (long)Connected * keys.Length;
        var deadline = Stopwatch.StartNew();
        long Received() => keys.Sum(k => _arrivals.TryGetValue(k, out var a) ? Math.Min(a.Count, a.Ticks.Length) : 0);
        while (Received() < expected && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        var latencies = new Latencies();
        foreach (var k in keys)
        {
            if (_arrivals.TryGetValue(k, out var arrivals) && sentTicks.TryGetValue(k, out var sent))
            {
                for (var i = 0; i < Math.Min(arrivals.Count, arrivals.Ticks.Length); i++)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, arrivals.Ticks[i]).TotalMilliseconds);
                }
            }
        }

        return new Collected(expected, Received(), latencies);
    }

    public void Arrived(string key, long ticks)
    {
        var arrivals = _arrivals.GetOrAdd(key, _ => new Arrivals(count));
        var slot = Interlocked.Increment(ref arrivals.Count) - 1;
        if (slot < arrivals.Ticks.Length)
        {
            arrivals.Ticks[slot] = ticks;
        }
    }

    /// <summary>The n-th joined viewer (wrapping round): who sends a chat line or a vote. The list is made once per (re)join.</summary>
    private Viewer Speaker(int n)
    {
        var joined = _joined ??= [.. _viewers.Where(v => v?.Joined == true)];
        return joined.Length > 0 ? joined[((n % joined.Length) + joined.Length) % joined.Length] : throw new InvalidOperationException("No viewer joined.");
    }

    public void Gap() => Interlocked.Increment(ref _gaps);

    public TargetDescription Target => target;

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_viewers.Where(v => v is not null).Select(v => v.DropAsync()));
        foreach (var page in _pages.SelectMany(p => p))
        {
            page.Dispose();
        }
    }

    private sealed class Arrivals(int capacity)
    {
        public readonly long[] Ticks = new long[capacity];
        public int Count;
    }
}

/// <summary>What a collect found: items expected and delivered, and their latencies (merged over generator processes).</summary>
internal sealed record Collected(long Expected, long Delivered, Latencies Latencies)
{
    public double P50 => Latencies.Percentile(0.5);

    public double P99 => Latencies.Percentile(0.99);

    public static Collected Merge(IEnumerable<Collected> parts)
    {
        var list = parts.ToList();
        var latencies = new Latencies();
        foreach (var part in list)
        {
            latencies.Add(part.Latencies);
        }

        return new Collected(list.Sum(p => p.Expected), list.Sum(p => p.Delivered), latencies);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Delivered}/{Expected} delivered, fan-out p50 {P50:F0} ms p99 {P99:F0} ms");
}

/// <summary>Acknowledgement times of a batch of calls.</summary>
internal sealed class Sends
{
    private int _refused;

    public ConcurrentBag<double> Acks { get; } = [];

    public int Refused => _refused;

    public int Sent { get; set; }

    public void Refuse() => Interlocked.Increment(ref _refused);

    public async Task TimeAsync(Task<bool> call)
    {
        var started = Stopwatch.GetTimestamp();
        bool ok;
        try
        {
            ok = await call;
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            ok = false;
        }

        if (ok)
        {
            Acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        else
        {
            Refuse();
        }
    }
}

/// <summary>One phone on one hub connection from one loopback source address.</summary>
internal sealed class Viewer(Audience audience, int source, string url, string cookie)
{
    private readonly object _sync = new();
    private readonly List<FeedBatch> _queued = [];
    private HubConnection? _connection;
    private long _upTo = -1;
    private bool _joining;

    public bool Joined { get; private set; }

    /// <summary>Connects and joins; null when joined, else the refusal code.</summary>
    public async Task<string?> JoinAsync()
    {
        var target = audience.Target;
        var connection = new HubConnectionBuilder().WithUrl(new Uri(new Uri(url), target.HubPath), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.WebSocketFactory = async (context, token) =>
            {
                var socket = new ClientWebSocket();
                if (cookie.Length > 0)
                {
                    socket.Options.SetRequestHeader("Cookie", cookie);
                }

                await socket.ConnectAsync(context.Uri, new HttpMessageInvoker(Sources.Handler(source), disposeHandler: false), token);
                return socket;
            };
        }).Build();
        if (target.Kind == "app")
        {
            connection.On<FeedBatch>("Feed", OnFeed);
        }
        else
        {
            connection.On<BareItem>("Feed", item => audience.Arrived(item.Text, Stopwatch.GetTimestamp()));
        }

        await connection.StartAsync();
        _connection = connection;
        if (target.Kind == "app")
        {
            // As the browser does: a rejoin says where it was and gets what it missed (or a snapshot).
            long since;
            lock (_sync)
            {
                (since, _joining) = (_upTo, true);
            }

            JoinResult result;
            try
            {
                result = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(target.Code, Guid.Empty, null, ViewerKinds.Audience) { Since = since >= 0 ? since : null });
            }
            catch
            {
                lock (_sync)
                {
                    _joining = false;
                }

                throw;
            }

            lock (_sync)
            {
                if (result.Batch is { } missed)
                {
                    Apply(missed);
                }
                else if (result.Snapshot is { } snapshot)
                {
                    _upTo = Math.Max(_upTo, snapshot.Position);
                }

                // Batches that came while the answer was on its way, in order (the client's reducer does the same).
                foreach (var queued in _queued)
                {
                    Apply(queued);
                }

                _queued.Clear();
                _joining = false;
            }

            Joined = result.Ok;
            return result.Ok ? null : result.Code ?? "?";
        }

        await connection.InvokeAsync<JsonElement>("Join");
        Joined = true;
        return null;
    }

    public async Task<bool> ChatAsync(string text)
    {
        if (audience.Target.Kind == "app")
        {
            return (await _connection!.InvokeAsync<SendResult>("SendChat", new ChatRequest(Guid.NewGuid(), text, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))).Ok;
        }

        await _connection!.InvokeAsync<JsonElement>("SendChat", text);
        return true;
    }

    public async Task<bool> VoteAsync(int option)
    {
        if (audience.Target.Kind == "app")
        {
            return (await _connection!.InvokeAsync<SendResult>("Vote", new VoteRequest(Guid.NewGuid(), audience.Target.PollId, audience.Target.Options[option]))).Ok;
        }

        await _connection!.InvokeAsync<JsonElement>("Vote", option);
        return true;
    }

    public async Task DropAsync()
    {
        Joined = false;
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    private void OnFeed(FeedBatch batch)
    {
        lock (_sync)
        {
            if (_joining)
            {
                _queued.Add(batch);
            }
            else
            {
                Apply(batch);
            }
        }
    }

    /// <summary>The client's rule: a batch starting after what it has is a gap; items it already has count once.</summary>
    private void Apply(FeedBatch batch)
    {
        var now = Stopwatch.GetTimestamp();
        if (_upTo >= 0 && batch.After > _upTo)
        {
            audience.Gap();
        }

        foreach (var item in batch.Items)
        {
            if (item.Type == FeedItemTypes.Chat && item.Text is { } text && item.Position > _upTo)
            {
                audience.Arrived(text, now);
            }
        }

        _upTo = Math.Max(_upTo, batch.UpTo);
    }
}

/// <summary>HTTP handlers whose sockets leave from 127.0.0.(2 + n): the server sees many addresses, as at a real event.</summary>
internal static class Sources
{
    private static readonly ConcurrentDictionary<int, SocketsHttpHandler> Handlers = new();

    public static SocketsHttpHandler Handler(int source) => Handlers.GetOrAdd(source, s => new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)(2 + s)]), 0));
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });
}

/// <summary>The jury: every judge signed in by code through the real form, submitting scorecards to the real endpoint.</summary>
internal sealed class Jury(TargetDescription target, HttpClient[] judges)
{
    public static async Task<Jury> SignInAsync(TargetDescription target)
    {
        var clients = new HttpClient[target.Judges.Length];
        for (var i = 0; i < clients.Length; i++)
        {
            var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(target.Url) };
            if (target.Kind == "app")
            {
                var answer = await FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = target.Judges[i].Code });
                if (!answer.IsRedirectTo("/jury"))
                {
                    throw new InvalidOperationException($"Judge {i} could not sign in ({(int)answer.StatusCode}).");
                }
            }

            clients[i] = client;
        }

        return new Jury(target, clients);
    }

    /// <summary>Every judge scores every team, spread evenly over <paramref name="seconds"/>.</summary>
    public async Task<Sends> ScoreAsync(int teams, int seconds)
    {
        var sends = new Sends();
        var total = judges.Length * Math.Min(teams, target.Teams.Length);
        var clock = Stopwatch.StartNew();
        var calls = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(seconds * (double)i / total);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var (judge, team) = (judges[i % judges.Length], target.Teams[i / judges.Length]);
            var card = new
            {
                commandId = Guid.NewGuid(),
                teamId = team,
                scores = target.Criteria.Select((c, n) => new { criterionId = c, value = 5 + ((i + n) % 5), comment = (string?)null }).ToArray(),
                comment = "Mooi gepresenteerd.",
                reason = (string?)null,
            };
            calls.Add(sends.TimeAsync(PostAsync(judge, card)));
        }

        await Task.WhenAll(calls);
        sends.Sent = total;
        return sends;
    }

    private async Task<bool> PostAsync(HttpClient judge, object card)
    {
        using var response = await judge.PostAsJsonAsync(target.Kind == "app" ? "/api/jury/scores" : "/score", card);
        return response.IsSuccessStatusCode;
    }
}
