using System.Runtime.CompilerServices;
using System.Text.Json;
using StackExchange.Redis;
using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Infrastructure.Journal;

/// <summary>
/// The journal for several nodes, on Redis. Each stream is a Redis list (entry n at index n-1) plus a hash of command
/// ids; one Lua script appends atomically: duplicate check, expected-version check, push, index, and a pub/sub
/// notification that every node follows. A list rather than a Redis Stream because entries must be addressable by
/// position and rewritable for privacy redaction (stream entries cannot be changed in place). Durability comes from
/// Redis itself: run it with AOF and <c>appendfsync always</c> so an acknowledged append is on disk. The connection
/// needs <c>allowAdmin</c>: a redaction ends with an AOF rewrite (INFO, BGREWRITEAOF), so no erased text stays on disk.
/// </summary>
public sealed class RedisJournal : IJournal, IDisposable
{
    private const int PageSize = 500;

    private static readonly TimeSpan RewriteTimeout = TimeSpan.FromMinutes(5);

    // ARGV: expected version ('' for none), stream id, channel, then command id and stored entry for each entry.
    // Answers {0, last position, then code, position, entry for each: 0 appended, 1 duplicate} or, when the stream
    // moved on, {2, version, then the same triples: 1 for entries already stored, 2 for the rest}.
    private const string AppendScript = """
        local version = redis.call('LLEN', KEYS[1])
        local n = (#ARGV - 3) / 2
        local codes, positions, stored, first = {}, {}, {}, {}
        local fresh = 0
        for k = 1, n do
          local id = ARGV[2 + 2 * k]
          local existing = redis.call('HGET', KEYS[2], id)
          if existing then
            codes[k], positions[k], stored[k] = 1, tonumber(existing), redis.call('LINDEX', KEYS[1], tonumber(existing) - 1)
          elseif first[id] then
            codes[k], positions[k], stored[k] = 3, first[id], ''
          else
            first[id] = k
            fresh = fresh + 1
            codes[k], positions[k], stored[k] = 0, 0, ARGV[3 + 2 * k]
          end
        end
        local reply = {}
        if fresh > 0 and ARGV[1] ~= '' and tonumber(ARGV[1]) ~= version then
          reply[1], reply[2] = 2, version
          for k = 1, n do
            local code = codes[k] == 1 and 1 or 2
            reply[3 * k], reply[3 * k + 1], reply[3 * k + 2] = code, positions[k], code == 1 and stored[k] or ''
          end
          return reply
        end
        local last = version
        for k = 1, n do
          if codes[k] == 0 then
            last = redis.call('RPUSH', KEYS[1], stored[k])
            positions[k] = last
            redis.call('HSET', KEYS[2], ARGV[2 + 2 * k], last)
          end
        end
        for k = 1, n do
          if codes[k] == 3 then
            local j = positions[k]
            codes[k], positions[k], stored[k] = 1, positions[j], stored[j]
          end
        end
        if fresh > 0 then
          redis.call('SADD', KEYS[3], ARGV[2])
          redis.call('PUBLISH', ARGV[3], ARGV[2] .. ' ' .. last)
        end
        reply[1], reply[2] = 0, last
        for k = 1, n do
          reply[3 * k], reply[3 * k + 1], reply[3 * k + 2] = codes[k], positions[k], stored[k]
        end
        return reply
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly RedisChannel _channel;
    private readonly TimeProvider _time;
    private readonly JournalSubscribers _subscribers = new();
    private readonly ChannelMessageQueue? _queue;

    public RedisJournal(IConnectionMultiplexer redis, string prefix, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        _redis = redis;
        _prefix = prefix;
        _time = time ?? TimeProvider.System;
        _channel = RedisChannel.Literal($"{prefix}:journal");
        _queue = redis.GetSubscriber().Subscribe(_channel);
        _queue.OnMessage(message =>
        {
            var text = (string?)message.Message ?? string.Empty;
            var space = text.LastIndexOf(' ');
            if (space > 0 && long.TryParse(text.AsSpan(space + 1), System.Globalization.CultureInfo.InvariantCulture, out var position))
            {
                _subscribers.Publish(new JournalNotification(text[..space], position));
            }
        });
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task<AppendResult> AppendAsync(string streamId, JournalAppend entry, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (await AppendManyAsync(streamId, [entry], expectedVersion, cancellationToken))[0];
    }

    public async Task<IReadOnlyList<AppendResult>> AppendManyAsync(string streamId, IReadOnlyList<JournalAppend> entries, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        JournalStreams.EnsureValidAppend(streamId, entries);

        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return [];
        }

        var recorded = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var arguments = new List<RedisValue>(3 + (2 * entries.Count))
        {
            expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            streamId,
            _channel.ToString(),
        };
        foreach (var entry in entries)
        {
            arguments.Add(entry.CommandId.ToString("N"));
            arguments.Add(JsonSerializer.Serialize(new StoredEntry(entry.CommandId, entry.Type, entry.Payload, entry.Actor, recorded), Json));
        }

        var reply = (RedisResult[])(await Db.ScriptEvaluateAsync(AppendScript, [ListKey(streamId), CommandKey(streamId), StreamsKey], [.. arguments]))!;
        var version = (long)reply[1];
        var results = new AppendResult[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var (code, position, stored) = ((int)reply[2 + (3 * i)], (long)reply[3 + (3 * i)], (string)reply[4 + (3 * i)]!);
            results[i] = code switch
            {
                0 => new AppendResult(AppendOutcome.Appended, Parse(streamId, position, stored), version),
                1 => new AppendResult(AppendOutcome.Duplicate, Parse(streamId, position, stored), version),
                _ => new AppendResult(AppendOutcome.VersionConflict, null, version),
            };
        }

        return results;
    }

    public async IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long fromPosition = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JournalStreams.EnsureValid(streamId);
        var next = Math.Max(1, fromPosition);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await Db.ListRangeAsync(ListKey(streamId), next - 1, next - 1 + PageSize - 1);
            for (var i = 0; i < page.Length; i++)
            {
                yield return Parse(streamId, next + i, page[i]!);
            }

            if (page.Length < PageSize)
            {
                yield break;
            }

            next += page.Length;
        }
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default) =>
        (await Db.SetMembersAsync(StreamsKey)).Select(v => (string)v!).Order(StringComparer.Ordinal).ToList();

    public IDisposable Subscribe(Action<JournalNotification> onAppended) => _subscribers.Add(onAppended);

    public async Task<int> RedactAsync(string streamId, Func<JournalEntry, string?> redact, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        await foreach (var entry in ReadAsync(streamId, 1, cancellationToken))
        {
            if (redact(entry) is { } payload && payload != entry.Payload)
            {
                var stored = JsonSerializer.Serialize(new StoredEntry(entry.CommandId, entry.Type, payload, entry.Actor, entry.RecordedAt.ToUnixTimeMilliseconds()), Json);
                await Db.ListSetByIndexAsync(ListKey(streamId), entry.Position - 1, stored);
                changed++;
            }
        }

        if (changed > 0)
        {
            await RewriteAppendOnlyFileAsync(cancellationToken);
        }

        return changed;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Db.PingAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // A server that is coming back may accept the connection but not answer in time
            // (RedisTimeoutException is a TimeoutException, not a RedisException): not reachable yet.
            return false;
        }
    }

    public void Dispose() => _queue?.Unsubscribe();

    /// <summary>
    /// LSET changes the list in memory, but the append-only file still holds the original RPUSH (and the LSET's new
    /// value) until it is rewritten: rewrite it and wait until the rewrite has finished, so the erased text is gone
    /// from disk too. A rewrite that was already running forked before the LSET (its new base file would still hold
    /// the text), so wait for it and start one of our own.
    /// </summary>
    private async Task RewriteAppendOnlyFileAsync(CancellationToken cancellationToken)
    {
        var started = false;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var info = await PersistenceInfoAsync();
            if (info.GetValueOrDefault("aof_enabled") != "1")
            {
                return; // no AOF to rewrite (RDB snapshots: see docs/operations.md, "Privacy")
            }

            if (info.GetValueOrDefault("aof_rewrite_in_progress") != "1" && info.GetValueOrDefault("aof_rewrite_scheduled") != "1")
            {
                if (started)
                {
                    if (info.GetValueOrDefault("aof_last_bgrewrite_status") != "ok")
                    {
                        throw new InvalidOperationException($"Redis could not rewrite its append-only file after a redaction (status {info.GetValueOrDefault("aof_last_bgrewrite_status")}); the erased text is still on disk.");
                    }

                    return;
                }

                try
                {
                    await Db.ExecuteAsync("BGREWRITEAOF");
                    started = true;
                    continue;
                }
                catch (RedisServerException ex) when (ex.Message.Contains("in progress", StringComparison.OrdinalIgnoreCase))
                {
                    // Another rewrite (or node) got there first; wait for it, then start ours.
                }
            }

            if (waited.Elapsed > RewriteTimeout)
            {
                throw new TimeoutException($"Redis did not finish rewriting its append-only file within {RewriteTimeout}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<Dictionary<string, string>> PersistenceInfoAsync()
    {
        var text = (string?)await Db.ExecuteAsync("INFO", "persistence") ?? string.Empty;
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
    }

    private RedisKey ListKey(string streamId) => $"{_prefix}:j:{streamId}";

    private RedisKey CommandKey(string streamId) => $"{_prefix}:c:{streamId}";

    private RedisKey StreamsKey => $"{_prefix}:streams";

    private static JournalEntry Parse(string streamId, long position, string stored)
    {
        var entry = JsonSerializer.Deserialize<StoredEntry>(stored, Json)!;
        return new JournalEntry(streamId, position, entry.C, entry.T, entry.P, entry.A, DateTimeOffset.FromUnixTimeMilliseconds(entry.R));
    }

    /// <summary>Compact stored form; the position is the list index plus one.</summary>
    private sealed record StoredEntry(Guid C, string T, string P, string? A, long R);
}
