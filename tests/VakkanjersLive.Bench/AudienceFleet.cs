using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace VakkanjersLive.Bench;

/// <summary>What the finale bench asks of its audience, in this process (<see cref="Audience"/>) or spread over several (<see cref="AudienceFleet"/>).</summary>
internal interface IAudience : IAsyncDisposable
{
    int Connected { get; }

    long Gaps { get; }

    /// <summary>When each chat line was sent, by key (Stopwatch ticks: CLOCK_MONOTONIC, the same in every process on the box).</summary>
    ConcurrentDictionary<string, long> ChatSentTicks { get; }

    Task<IReadOnlyDictionary<string, int>> ConnectAllAsync();

    Task<IReadOnlyDictionary<string, int>> ReconnectAllAsync();

    Task<Sends> ChatAsync(int rate, int seconds, int offset);

    Task<Sends> VoteAsync(int votes, int seconds);

    Task<Collected> CollectAsync(Func<int, string> key, int items, IReadOnlyDictionary<string, long> sentTicks, int from = 0);
}

/// <summary>
/// Latencies in 0.1 ms buckets: exact enough for percentiles of fan-out (tens to thousands of milliseconds) and small
/// enough to send from a generator process to the parent and merge.
/// </summary>
internal sealed class Latencies
{
    private readonly Dictionary<long, long> _buckets = [];

    public long Count { get; private set; }

    public void Add(double ms) => Add((long)Math.Round(ms * 10), 1);

    public void Add(Latencies other)
    {
        foreach (var (bucket, n) in other._buckets)
        {
            Add(bucket, n);
        }
    }

    /// <summary>The smallest latency with at least <paramref name="q"/> of all at or below it (as <see cref="FinaleBench.Percentile"/>).</summary>
    public double Percentile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Clamp((long)Math.Ceiling(q * Count), 1, Count);
        long seen = 0;
        foreach (var (bucket, n) in _buckets.OrderBy(b => b.Key))
        {
            seen += n;
            if (seen >= rank)
            {
                return bucket / 10.0;
            }
        }

        return _buckets.Keys.Max() / 10.0;
    }

    public string Write() => string.Join(',', _buckets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key}:{b.Value}")));

    public static Latencies Read(string text)
    {
        var latencies = new Latencies();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = pair.IndexOf(':', StringComparison.Ordinal);
            latencies.Add(long.Parse(pair[..cut], CultureInfo.InvariantCulture), long.Parse(pair[(cut + 1)..], CultureInfo.InvariantCulture));
        }

        return latencies;
    }

    private void Add(long bucket, long n)
    {
        _buckets[bucket] = _buckets.GetValueOrDefault(bucket) + n;
        Count += n;
    }
}

/// <summary>
/// The audience spread over several generator processes (<c>audience FIRST COUNT</c>), since one process holds at most
/// 20,000 open files here. Each child runs an <see cref="Audience"/> of its own viewers (numbered from FIRST over all
/// children, so source addresses and nodes spread as in one process) and answers commands on stdin with one line
/// each on stdout: <c>connect</c>/<c>reconnect</c> → <c>joined CONNECTED {refusals}</c>; <c>chat RATE SECONDS
/// OFFSET</c> → <c>sends {acks, refused, sent, ticks}</c>; <c>vote VOTES SECONDS</c> → <c>sends {…}</c>;
/// <c>collect KIND ITEMS FROM {ticks}</c> → <c>collected EXPECTED DELIVERED LATENCIES</c>; <c>gaps</c> →
/// <c>gaps N</c>; <c>quit</c>. Chat comes from the first child only (20 lines a second need few speakers); the vote
/// storm is shared out.
/// </summary>
internal sealed class AudienceFleet : IAudience
{
    private const string TargetVariable = "VKL_BENCH_TARGET";
    private readonly Child[] _children;
    private int _connected;

    private AudienceFleet(Child[] children) => _children = children;

    public int Connected => _connected;

    public long Gaps { get; private set; }

    public ConcurrentDictionary<string, long> ChatSentTicks { get; } = new(StringComparer.Ordinal);

    public IEnumerable<int> ProcessIds => _children.Select(c => c.ProcessId);

    /// <summary>Starts <paramref name="processes"/> children sharing <paramref name="viewers"/> out as evenly as they go.</summary>
    public static AudienceFleet Start(TargetDescription target, int viewers, int processes)
    {
        var children = new Child[processes];
        var first = 0;
        for (var i = 0; i < processes; i++)
        {
            var count = (viewers / processes) + (i < viewers % processes ? 1 : 0);
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "audience", first.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment[TargetVariable] = JsonSerializer.Serialize(target);
            children[i] = new Child(Process.Start(start)!);
            first += count;
        }

        return new AudienceFleet(children);
    }

    public async Task<IReadOnlyDictionary<string, int>> ConnectAllAsync() => await JoinedAsync("connect");

    public async Task<IReadOnlyDictionary<string, int>> ReconnectAllAsync() => await JoinedAsync("reconnect");

    public async Task<Sends> ChatAsync(int rate, int seconds, int offset)
    {
        var sends = ReadSends(await _children[0].AskAsync(string.Create(CultureInfo.InvariantCulture, $"chat {rate} {seconds} {offset}"), "sends "));
        return sends;
    }

    public async Task<Sends> VoteAsync(int votes, int seconds)
    {
        var answers = await Task.WhenAll(_children.Select((c, i) =>
            c.AskAsync(string.Create(CultureInfo.InvariantCulture, $"vote {(votes / _children.Length) + (i < votes % _children.Length ? 1 : 0)} {seconds}"), "sends ")));
        var sends = new Sends();
        foreach (var part in answers.Select(ReadSends))
        {
            foreach (var ack in part.Acks)
            {
                sends.Acks.Add(ack);
            }

            for (var i = 0; i < part.Refused; i++)
            {
                sends.Refuse();
            }

            sends.Sent += part.Sent;
        }

        return sends;
    }

    public async Task<Collected> CollectAsync(Func<int, string> key, int items, IReadOnlyDictionary<string, long> sentTicks, int from = 0)
    {
        var kind = key(0).Split(' ')[0];
        var ticks = JsonSerializer.Serialize(Enumerable.Range(from, items).Select(key).Where(sentTicks.ContainsKey).ToDictionary(k => k, k => sentTicks[k], StringComparer.Ordinal));
        var answers = await Task.WhenAll(_children.Select(c => c.AskAsync(string.Create(CultureInfo.InvariantCulture, $"collect {kind} {items} {from} {ticks}"), "collected ")));
        var gaps = await Task.WhenAll(_children.Select(c => c.AskAsync("gaps", "gaps ")));
        Gaps = gaps.Sum(g => long.Parse(g.Split(' ')[1], CultureInfo.InvariantCulture));
        return Collected.Merge(answers.Select(a =>
        {
            var parts = a.Split(' ', 4);
            return new Collected(long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), Latencies.Read(parts.Length > 3 ? parts[3] : string.Empty));
        }));
    }

    public async ValueTask DisposeAsync()
    {
        var gaps = await Task.WhenAll(_children.Select(c => c.AskAsync("gaps", "gaps ")));
        Gaps = gaps.Sum(g => long.Parse(g.Split(' ')[1], CultureInfo.InvariantCulture));
        foreach (var child in _children)
        {
            await child.DisposeAsync();
        }
    }

    /// <summary>The child's side: an audience of its own viewers, driven by the parent's commands.</summary>
    public static async Task RunChildAsync(int first, int count)
    {
        var target = JsonSerializer.Deserialize<TargetDescription>(Environment.GetEnvironmentVariable(TargetVariable)!)!;
        var audience = new Audience(target, count, first);
        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ', 5);
            int At(int i) => int.Parse(parts[i], CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case "connect" or "reconnect":
                    var refused = parts[0] == "connect" ? await audience.ConnectAllAsync() : await audience.ReconnectAllAsync();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"joined {audience.Connected} {JsonSerializer.Serialize(refused)}"));
                    break;
                case "chat":
                    Console.WriteLine("sends " + WriteSends(await audience.ChatAsync(At(1), At(2), At(3)), audience.ChatSentTicks));
                    break;
                case "vote":
                    Console.WriteLine("sends " + WriteSends(await audience.VoteAsync(At(1), At(2)), null));
                    break;
                case "collect":
                    Func<int, string> key = parts[1] == "chat" ? FinaleKeys.Chat : FinaleKeys.Feed;
                    var ticks = JsonSerializer.Deserialize<Dictionary<string, long>>(parts[4])!;
                    var collected = await audience.CollectAsync(key, At(2), ticks, At(3));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collected {collected.Expected} {collected.Delivered} {collected.Latencies.Write()}"));
                    break;
                case "gaps":
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gaps {audience.Gaps}"));
                    break;
                case "quit":
                    await audience.DisposeAsync();
                    return;
            }
        }
    }

    private static string WriteSends(Sends sends, IReadOnlyDictionary<string, long>? ticks) => JsonSerializer.Serialize(new SendsLine([.. sends.Acks], sends.Refused, sends.Sent, ticks?.ToDictionary(StringComparer.Ordinal)));

    private Sends ReadSends(string line)
    {
        var parsed = JsonSerializer.Deserialize<SendsLine>(line["sends ".Length..])!;
        var sends = new Sends { Sent = parsed.Sent };
        foreach (var ack in parsed.Acks)
        {
            sends.Acks.Add(ack);
        }

        for (var i = 0; i < parsed.Refused; i++)
        {
            sends.Refuse();
        }

        foreach (var (key, tick) in parsed.Ticks ?? [])
        {
            ChatSentTicks[key] = tick;
        }

        return sends;
    }

    private async Task<IReadOnlyDictionary<string, int>> JoinedAsync(string command)
    {
        var answers = await Task.WhenAll(_children.Select(c => c.AskAsync(command, "joined ")));
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        _connected = 0;
        foreach (var answer in answers)
        {
            var parts = answer.Split(' ', 3);
            _connected += int.Parse(parts[1], CultureInfo.InvariantCulture);
            foreach (var (code, n) in JsonSerializer.Deserialize<Dictionary<string, int>>(parts[2])!)
            {
                refused[code] = refused.GetValueOrDefault(code) + n;
            }
        }

        return refused;
    }

    private sealed record SendsLine(double[] Acks, int Refused, int Sent, Dictionary<string, long>? Ticks);

    /// <summary>One generator process: a command at a time, its answer the first line starting with the prefix.</summary>
    private sealed class Child(Process process) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1);

        public int ProcessId => process.Id;

        public async Task<string> AskAsync(string command, string prefix)
        {
            await _gate.WaitAsync();
            try
            {
                await process.StandardInput.WriteLineAsync(command);
                await process.StandardInput.FlushAsync();
                using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }

                throw new InvalidOperationException($"A generator process stopped before it answered '{command.Split(' ')[0]}'.");
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await process.StandardInput.WriteLineAsync("quit");
                await process.StandardInput.FlushAsync();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (Exception e) when (e is IOException or TimeoutException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            _gate.Dispose();
        }
    }
}
