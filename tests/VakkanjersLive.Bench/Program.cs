using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Realtime;

// Benchmarks, each against a baseline measured in the same run, reported as ratios.
//   journal: chat commands through the full command path (decide, append with fsync, projection) vs raw journal appends
//   fanout:  journal-to-phone latency of chat for N viewers on one real Kestrel node vs the same with one viewer
//   stuck:   the same chat flood to healthy viewers with and without S viewers that never read: how many messages it
//            takes until the server has dropped them all, healthy latency, and the managed heap (bounded or not)
//   school:  N pupils behind one address (127.0.0.1) each open the page (new identity) and join, as fast as they can,
//            on the shipped per-address limits (issue 11: 500 within a minute must all get in)
// Usage: dotnet run -c Release --project tests/VakkanjersLive.Bench [-- --viewers 1000 --messages 40 --appends 1000 --stuck 20 --school 500]
// The finale bench (bare hub baseline and the app, each in a child process, one generator; see Finale.cs):
//   dotnet run -c Release --project tests/VakkanjersLive.Bench -- finale --viewers 10000 [--rate 2 --chat 20 --votes 10000
//     --judges 5 --teams 10 --seconds 10 --targets bare,app --nodes 1 --generators 1 --json finale.json]
//   past 19,000 viewers: --nodes 2 (two servers on one real redis-server) and several generator processes (the default
//   past 19,000: one per 15,000 viewers), since a process holds at most 20,000 open files here.
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Outside a test project WebApplicationFactory cannot guess the app's content root: tell it.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VakkanjersLive.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VAKKANJERSLIVE_WEB", Path.Combine(root!.FullName, "src", "VakkanjersLive.Web"));
        switch (args.FirstOrDefault())
        {
            case "finale":
                return await VakkanjersLive.Bench.FinaleBench.RunAsync(args[1..]);
            case "jury" when args.Length > 2:
                await VakkanjersLive.Bench.JuryProcess.RunChildAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
                return 0;
            case "audience" when args.Length > 2:
                await VakkanjersLive.Bench.AudienceFleet.RunChildAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
                return 0;
            case "serve" when args.Length > 1:
                await VakkanjersLive.Bench.FinaleServer.RunAsync(args[1]);
                return 0;
        }

        var options = Args.Parse(args);
        Console.WriteLine($"VakkanjersLive bench · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await JournalBench.RunAsync(options.Appends);
        await FanoutBench.RunAsync(options.Viewers, options.Messages);
        if (options.Stuck > 0)
        {
            await StuckBench.RunAsync(options.Stuck);
        }

        if (options.School > 0)
        {
            await SchoolBench.RunAsync(options.School);
        }

        return 0;
    }
}

internal sealed record Args(int Viewers, int Messages, int Appends, int Stuck, int School)
{
    public static Args Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
        }

        return new Args(Get("--viewers", 1000), Get("--messages", 40), Get("--appends", 1000), Get("--stuck", 20), Get("--school", 0));
    }
}

internal static class Stats
{
    public static string Describe(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Clamp((int)Math.Ceiling(q * milliseconds.Count) - 1, 0, milliseconds.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"n={milliseconds.Count} p50={At(0.5):F2} ms p95={At(0.95):F2} ms p99={At(0.99):F2} ms max={milliseconds[^1]:F2} ms");
    }

    public static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}

internal static class JournalBench
{
    public static async Task RunAsync(int count)
    {
        var directory = Directory.CreateTempSubdirectory("vkl-bench-");
        try
        {
            // Baseline: raw appends of the same payload size.
            using var journal = new SqliteJournal(Path.Combine(directory.FullName, "raw.db"));
            var raw = new List<double>(count);
            var payload = FactSerializer.ToAppend(new ChatPosted(Guid.NewGuid(), Guid.NewGuid(), "Slimme Vos 42", "Wat een gaaf project, echt heel knap gedaan!"), Guid.NewGuid(), "viewer").Payload;
            var total = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await journal.AppendAsync("event-bench", new JournalAppend(Guid.NewGuid(), nameof(ChatPosted), payload, "viewer"));
                raw.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var rawRate = count / total.Elapsed.TotalSeconds;

            // The full command path, on a real app node.
            using var app = new TestApp(Path.Combine(directory.FullName, "app"));
            var commands = app.Services.GetRequiredService<CommandExecutor>();
            var eventId = Guid.NewGuid();
            await commands.ForEventAsync(eventId, Guid.NewGuid(), "bench", s => s.Create(eventId, EventKind.TechniekLive, "Bench", DateOnly.FromDateTime(DateTime.UtcNow), "Online", string.Empty, JoinCodes.Generate()));
            // New events hold chat for review (ChatSettings.Safe); the bench measures messages that are posted.
            await commands.ForEventAsync(eventId, Guid.NewGuid(), "bench", s => s.ChangeChatSettings(s.ChatSettings with { HoldForReview = false }));
            var full = new List<double>(count);
            total.Restart();
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await commands.ForEventAsync(eventId, Guid.NewGuid(), "viewer", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Slimme Vos 42", "Wat een gaaf project, echt heel knap gedaan!", DateTimeOffset.UtcNow));
                full.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var fullRate = count / total.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"journal  baseline raw SQLite append (fsync)   : {Stats.Describe(raw)}  {rawRate:F0} appends/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"journal  chat command (decide+append+project): {Stats.Describe(full)}  {fullRate:F0} commands/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"journal  ratio command/raw p50 = {Stats.Median(full) / Stats.Median(raw):F2}×, throughput = {fullRate / rawRate:F2}×"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

internal static class FanoutBench
{
    public static async Task RunAsync(int viewers, int messages)
    {
        var baseline = await MeasureAsync(1, messages);
        var loaded = await MeasureAsync(viewers, messages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fanout   baseline 1 viewer      : {Stats.Describe(baseline)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fanout   {viewers} viewers       : {Stats.Describe(loaded)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fanout   ratio {viewers}/1 p50 = {Stats.Median(loaded) / Stats.Median(baseline):F2}×  (adaptive frames: an idle feed sends at once, a busy one at most every 100 ms)"));
    }

    private static async Task<List<double>> MeasureAsync(int viewers, int messages)
    {
        using var app = new TestApp(settings: Generator.OneAddress, kestrel: true);
        var probe = await ChatProbe.CreateAsync(app);
        var connections = new List<HubConnection>();
        for (var i = 0; i < viewers; i += 50)
        {
            connections.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(50, viewers - i)).Select(_ => probe.ViewerAsync())));
        }

        for (var m = 0; m < messages; m++)
        {
            await probe.PostAsync($"bench message {m}");
            await Task.Delay(200); // five messages a second: a lively chat
        }

        await probe.WaitAsync(viewers * messages, TimeSpan.FromSeconds(30), "fanout");
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return [.. probe.Latencies];
    }
}

/// <summary>A bench event with viewers that time each chat message from its append to its arrival.</summary>
internal sealed class ChatProbe(TestApp app, CommandExecutor commands, Guid eventId, string code)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _sent = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<double> _latencies = [];
    private int _received;

    public string Code => code;

    public IReadOnlyCollection<double> Latencies => _latencies;

    public static async Task<ChatProbe> CreateAsync(TestApp app)
    {
        var commands = app.Services.GetRequiredService<CommandExecutor>();
        var eventId = Guid.NewGuid();
        var code = JoinCodes.Generate();
        await commands.ForEventAsync(eventId, Guid.NewGuid(), "bench", s => s.Create(eventId, EventKind.TechniekLive, "Bench", DateOnly.FromDateTime(DateTime.UtcNow), "Online", string.Empty, code));
        await commands.ForEventAsync(eventId, Guid.NewGuid(), "bench", s => s.ChangeChatSettings(s.ChatSettings with { HoldForReview = false }));
        return new ChatProbe(app, commands, eventId, code);
    }

    public async Task<HubConnection> ViewerAsync()
    {
        var cookie = await AudienceIdentity.CookieAsync(app.BaseAddress);
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, RealtimeSetup.HubPath), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.Headers["Cookie"] = cookie;
        }).Build();
        connection.On<FeedBatch>("Feed", feed =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var item in feed.Items.Where(x => x.Type == FeedItemTypes.Chat && x.Text is not null && _sent.ContainsKey(x.Text)))
            {
                _latencies.Add(Stopwatch.GetElapsedTime(_sent[item.Text!], now).TotalMilliseconds);
                Interlocked.Increment(ref _received);
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(code, Guid.Empty, null, ViewerKinds.Audience));
        return connection;
    }

    public Task PostAsync(string text)
    {
        _sent[text] = Stopwatch.GetTimestamp();
        return commands.ForEventAsync(eventId, Guid.NewGuid(), "viewer", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Bench", text, DateTimeOffset.UtcNow));
    }

    public async Task WaitAsync(int deliveries, TimeSpan timeout, string scenario)
    {
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref _received) < deliveries && deadline.Elapsed < timeout)
        {
            await Task.Delay(50);
        }

        if (_received < deliveries)
        {
            Console.WriteLine($"{scenario,-8} warning: {_received} of {deliveries} deliveries arrived within {timeout.TotalSeconds:F0} s");
        }
    }
}

internal static class StuckBench
{
    private const int Healthy = 20;
    private const int MaxMessages = 60_000;

    public static async Task RunAsync(int stuck)
    {
        var loaded = await MeasureAsync(stuck, MaxMessages);
        var baseline = await MeasureAsync(0, loaded.Posted);
        foreach (var run in new[] { baseline, loaded })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stuck    {run.Stuck,3} stuck + {Healthy} healthy, {run.Posted} messages in {run.Seconds:F1} s: dropped {run.Dropped}/{run.Stuck}; heap start {run.HeapStart:F0} MB, peak {run.HeapPeak:F0} MB, end {run.HeapEnd:F0} MB; healthy {Stats.Describe(run.Latencies)}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stuck    ratio with/without stuck: p50 = {Stats.Median(loaded.Latencies) / Stats.Median(baseline.Latencies):F2}×, heap peak = {loaded.HeapPeak / baseline.HeapPeak:F2}×"));
    }

    private static async Task<Run> MeasureAsync(int stuck, int messages)
    {
        using var app = new TestApp(settings: Generator.OneAddress, kestrel: true);
        var metrics = app.Services.GetRequiredService<VakkanjersLive.Web.Features.Observability.LiveMetrics>();
        var probe = await ChatProbe.CreateAsync(app);
        var healthy = await Task.WhenAll(Enumerable.Range(0, Healthy).Select(_ => probe.ViewerAsync()));
        var stuckViewers = await Task.WhenAll(Enumerable.Range(0, stuck).Select(_ => RawViewer.JoinAsync(app.BaseAddress, probe.Code)));
        foreach (var viewer in stuckViewers)
        {
            viewer.StopReading();
        }

        static double HeapMb(bool collect) => GC.GetTotalMemory(collect) / 1024.0 / 1024.0;
        long Audience() => metrics.Snapshot().Connections.GetValueOrDefault(ViewerKinds.Audience);
        var heapStart = HeapMb(true);
        var heapPeak = heapStart;
        var posted = 0;
        var clock = Stopwatch.StartNew();

        // A flood of full-length chat until every stuck viewer is dropped (or the given count, for the baseline).
        while (posted < messages && (stuck == 0 || Audience() > Healthy))
        {
            await probe.PostAsync($"bench {posted:D5} " + new string('x', 280));
            if (++posted % 500 == 0)
            {
                heapPeak = Math.Max(heapPeak, HeapMb(false));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await probe.WaitAsync(Healthy * posted, TimeSpan.FromSeconds(60), "stuck");
        var heapEnd = HeapMb(true);
        var dropped = stuck - (int)(Audience() - Healthy);
        await Task.WhenAll(healthy.Select(c => c.DisposeAsync().AsTask()));
        foreach (var viewer in stuckViewers)
        {
            await viewer.DisposeAsync();
        }

        return new Run(stuck, posted, seconds, dropped, heapStart, heapPeak, heapEnd, [.. probe.Latencies]);
    }

    private sealed record Run(int Stuck, int Posted, double Seconds, int Dropped, double HeapStart, double HeapPeak, double HeapEnd, List<double> Latencies);
}

/// <summary>A school behind one NAT address: every pupil gets an identity and joins, on the shipped limits.</summary>
internal static class SchoolBench
{
    public static async Task RunAsync(int pupils)
    {
        using var app = new TestApp(kestrel: true);
        var probe = await ChatProbe.CreateAsync(app);
        var started = Stopwatch.GetTimestamp();
        var joins = new List<double>();
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        var connections = new List<HubConnection>();
        for (var i = 0; i < pupils; i += 50)
        {
            foreach (var (connection, result, ms) in await Task.WhenAll(Enumerable.Range(i, Math.Min(50, pupils - i)).Select(_ => JoinAsync(app, probe.Code))))
            {
                connections.Add(connection);
                if (result.Ok)
                {
                    joins.Add(ms);
                }
                else
                {
                    refused[result.Code ?? "?"] = refused.GetValueOrDefault(result.Code ?? "?") + 1;
                }
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"school   {pupils} pupils from one address in {seconds:F1} s: joined {joins.Count}/{pupils}{(refused.Count == 0 ? string.Empty : " refused " + string.Join(", ", refused.Select(r => $"{r.Key}×{r.Value}")))}; page+connect+join {(joins.Count > 0 ? Stats.Describe(joins) : "none")}"));
    }

    private static async Task<(HubConnection Connection, JoinResult Result, double Ms)> JoinAsync(TestApp app, string code)
    {
        var started = Stopwatch.GetTimestamp();
        var cookie = await AudienceIdentity.CookieAsync(app.BaseAddress);
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, RealtimeSetup.HubPath), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.Headers["Cookie"] = cookie;
        }).Build();
        await connection.StartAsync();
        var result = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(code, Guid.Empty, null, ViewerKinds.Audience));
        return (connection, result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

/// <summary>The generator runs on this box and connects from one address (127.0.0.1).</summary>
internal static class Generator
{
    /// <summary>
    /// The per-address limits sized for the bench's thousands of viewers from one address: the bench measures fan-out,
    /// not the limits (a school behind one NAT address is the shipped defaults' case, docs/hub.md).
    /// </summary>
    public static readonly Dictionary<string, string?> OneAddress = new()
    {
        ["Audience:IdentityBurst"] = "100000",
        ["Audience:JoinBurst"] = "100000",
        ["Audience:ConnectionsPerAddress"] = "100000",
    };
}
