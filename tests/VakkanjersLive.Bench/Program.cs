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
// Usage: dotnet run -c Release --project tests/VakkanjersLive.Bench [-- --viewers 1000 --messages 40 --appends 1000]
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        // Outside a test project WebApplicationFactory cannot guess the app's content root: tell it.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VakkanjersLive.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VAKKANJERSLIVE_WEB", Path.Combine(root!.FullName, "src", "VakkanjersLive.Web"));
        var options = Args.Parse(args);
        Console.WriteLine($"VakkanjersLive bench · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await JournalBench.RunAsync(options.Appends);
        await FanoutBench.RunAsync(options.Viewers, options.Messages);
    }
}

internal sealed record Args(int Viewers, int Messages, int Appends)
{
    public static Args Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
        }

        return new Args(Get("--viewers", 1000), Get("--messages", 40), Get("--appends", 1000));
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fanout   ratio {viewers}/1 p50 = {Stats.Median(loaded) / Stats.Median(baseline):F2}×  (includes the 100 ms coalescing frame)"));
    }

    private static async Task<List<double>> MeasureAsync(int viewers, int messages)
    {
        using var app = new TestApp(kestrel: true);
        var commands = app.Services.GetRequiredService<CommandExecutor>();
        var eventId = Guid.NewGuid();
        var code = JoinCodes.Generate();
        await commands.ForEventAsync(eventId, Guid.NewGuid(), "bench", s => s.Create(eventId, EventKind.TechniekLive, "Bench", DateOnly.FromDateTime(DateTime.UtcNow), "Online", string.Empty, code));

        var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var received = 0;
        var connections = new List<HubConnection>();
        var url = new Uri(app.BaseAddress, RealtimeSetup.HubPath);
        for (var i = 0; i < viewers; i += 50)
        {
            var batch = Enumerable.Range(i, Math.Min(50, viewers - i)).Select(async _ =>
            {
                var connection = new HubConnectionBuilder().WithUrl(url, o => o.Transports = HttpTransportType.WebSockets).Build();
                connection.On<FeedBatch>("Feed", feed =>
                {
                    var now = Stopwatch.GetTimestamp();
                    foreach (var item in feed.Items.Where(x => x.Type == "chat" && x.Text is not null && sent.ContainsKey(x.Text)))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent[item.Text!], now).TotalMilliseconds);
                        Interlocked.Increment(ref received);
                    }
                });
                await connection.StartAsync();
                await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(code, Guid.NewGuid(), null, ViewerKinds.Audience));
                return connection;
            });
            connections.AddRange(await Task.WhenAll(batch));
        }

        for (var m = 0; m < messages; m++)
        {
            var text = $"bench message {m}";
            sent[text] = Stopwatch.GetTimestamp();
            await commands.ForEventAsync(eventId, Guid.NewGuid(), "viewer", s => s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Bench", text, DateTimeOffset.UtcNow));
            await Task.Delay(200); // five messages a second: a lively chat
        }

        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref received) < viewers * messages && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        if (received < viewers * messages)
        {
            Console.WriteLine($"fanout   warning: {received} of {viewers * messages} deliveries arrived within 30 s");
        }

        return [.. latencies];
    }
}
