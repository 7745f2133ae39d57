using StackExchange.Redis;

namespace VakkanjersLive.Web.Realtime;

/// <summary>
/// Which node sends the public feed. Every node follows the journal and folds the same state, but with the Redis
/// backplane a group send reaches every node's clients, so exactly one node (the lease holder) sends; if it dies, its
/// lease expires within <see cref="RedisBroadcastLease.LeaseTime"/> and another node takes over. Clients notice the
/// changed batch chain and resync, so nothing is lost in the hand-over.
/// </summary>
public interface IBroadcastLease
{
    bool IsHolder { get; }
}

/// <summary>One node: it always sends.</summary>
public sealed class SingleNodeLease : IBroadcastLease
{
    public bool IsHolder => true;
}

public sealed partial class RedisBroadcastLease(IConnectionMultiplexer redis, IConfiguration configuration, ILogger<RedisBroadcastLease> logger) : BackgroundService, IBroadcastLease
{
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1.5);

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0
        """;

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly RedisKey _key = $"{Journal.JournalSetup.RedisPrefix(configuration)}:broadcaster";
    private volatile bool _holder;

    public bool IsHolder => _holder;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryRenewAsync();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_holder)
        {
            // Hand over at once on a graceful stop instead of waiting for the lease to run out.
            _holder = false;
            try
            {
                await redis.GetDatabase().ScriptEvaluateAsync("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", [_key], [_node]);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Redis is away: the lease runs out by itself.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryRenewAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TryRenewAsync()
    {
        var was = _holder;
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(RenewScript, [_key], [_node, (long)LeaseTime.TotalMilliseconds]);
            _holder = (long)result == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without Redis nobody can prove they hold the lease; the backplane is down anyway.
            _holder = false;
        }

        if (was != _holder)
        {
            LogLease(logger, _holder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast lease held by this node: {Holder}")]
    private static partial void LogLease(ILogger logger, bool holder);
}
