using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VakkanjersLive.Web.Features.Observability;

/// <summary>
/// The node's live numbers, as OpenTelemetry metrics (meter "VakkanjersLive", scraped at <c>/metrics</c>) and as a
/// snapshot for the status panel: connections per kind, messages in and out, fan-out and journal latency, reconnects.
/// </summary>
public sealed class LiveMetrics : IDisposable, VakkanjersLive.Infrastructure.Projections.ICommandTiming
{
    public const string MeterName = "VakkanjersLive";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _messagesOut;
    private readonly Histogram<double> _fanout;
    private readonly Histogram<double> _append;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _skipped;
    private readonly ConcurrentDictionary<string, long> _connections = new(StringComparer.Ordinal);
    private readonly Window _in = new();
    private readonly Window _out = new();
    private readonly Reservoir _fanoutMs = new();
    private readonly Reservoir _appendMs = new();
    private long _reconnectTotal;

    public LiveMetrics()
    {
        _meter.CreateObservableUpDownCounter("vkl.connections", () => _connections.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("kind", c.Key))), description: "Open hub connections per kind");
        _messagesIn = _meter.CreateCounter<long>("vkl.messages.in", description: "Hub calls from viewers (chat, reactions, reports)");
        _messagesOut = _meter.CreateCounter<long>("vkl.messages.out", description: "Feed items sent to groups");
        _fanout = _meter.CreateHistogram<double>("vkl.fanout.latency", "ms", "From journal entry to feed batch sent");
        _append = _meter.CreateHistogram<double>("vkl.journal.append.duration", "ms", "Command decided and durably appended");
        _reconnects = _meter.CreateCounter<long>("vkl.reconnects", description: "Resyncs after a dropped connection");
        _skipped = _meter.CreateCounter<long>("vkl.feed.skipped", description: "Feed batches skipped for a connection still busy with the previous one (it resyncs)");
    }

    public void Connected(string kind) => _connections.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Disconnected(string kind) => _connections.AddOrUpdate(kind, 0, (_, n) => Math.Max(0, n - 1));

    public void MessageIn(string type)
    {
        _messagesIn.Add(1, new KeyValuePair<string, object?>("type", type));
        _in.Add(1);
    }

    public void MessagesOut(int items, DateTimeOffset oldestRecordedAt)
    {
        _messagesOut.Add(items);
        _out.Add(items);
        var latency = (DateTimeOffset.UtcNow - oldestRecordedAt).TotalMilliseconds;
        _fanout.Record(latency);
        _fanoutMs.Add(latency);
    }

    public void Appended(TimeSpan duration)
    {
        _append.Record(duration.TotalMilliseconds);
        _appendMs.Add(duration.TotalMilliseconds);
    }

    public void Skipped() => _skipped.Add(1);

    public void Reconnected()
    {
        _reconnects.Add(1);
        Interlocked.Increment(ref _reconnectTotal);
    }

    public LiveStatus Snapshot() => new(
        _connections.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        _in.PerSecond(),
        _out.PerSecond(),
        _fanoutMs.Percentile(0.5),
        _fanoutMs.Percentile(0.95),
        _appendMs.Percentile(0.5),
        Interlocked.Read(ref _reconnectTotal));

    public void Dispose() => _meter.Dispose();

    /// <summary>Events in the last ten seconds, per second.</summary>
    private sealed class Window
    {
        private readonly ConcurrentQueue<(long Stamp, int Count)> _events = new();

        public void Add(int count)
        {
            _events.Enqueue((Stopwatch.GetTimestamp(), count));
            Trim();
        }

        public double PerSecond()
        {
            Trim();
            return _events.Sum(e => e.Count) / 10.0;
        }

        private void Trim()
        {
            while (_events.TryPeek(out var oldest) && Stopwatch.GetElapsedTime(oldest.Stamp) > TimeSpan.FromSeconds(10))
            {
                _events.TryDequeue(out _);
            }
        }
    }

    /// <summary>The last 1000 samples, for percentiles on the status panel.</summary>
    private sealed class Reservoir
    {
        private readonly double[] _samples = new double[1000];
        private long _count;

        public void Add(double value) => _samples[(Interlocked.Increment(ref _count) - 1) % _samples.Length] = value;

        public double? Percentile(double q)
        {
            var n = (int)Math.Min(Interlocked.Read(ref _count), _samples.Length);
            if (n == 0)
            {
                return null;
            }

            var sorted = _samples.Take(n).Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(q * n) - 1, 0, n - 1)];
        }
    }
}

public sealed record LiveStatus(IReadOnlyDictionary<string, long> Connections, double MessagesInPerSecond, double MessagesOutPerSecond, double? FanoutP50, double? FanoutP95, double? AppendP50, long Reconnects);
