using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Journal;

/// <summary>Scale-out settings ("Redis" section); the connection string is <c>ConnectionStrings:Redis</c>.</summary>
public sealed class RedisOptions
{
    /// <summary>Prefix of every key and channel, so several deployments (or tests) can share one Redis.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^[a-z0-9-]{1,32}$")]
    public string Prefix { get; set; } = "vkl";
}

public static class JournalSetup
{
    /// <summary>True when a Redis connection is configured: the app then runs in scale-out mode.</summary>
    public static bool UsesRedis(this IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    /// <summary>The one Redis connection of this node (registered by <see cref="AddJournal"/>).</summary>
    public static IConnectionMultiplexer RedisConnection(this IServiceCollection services) =>
        services.Single(d => d.ServiceType == typeof(IConnectionMultiplexer)).ImplementationInstance as IConnectionMultiplexer
        ?? throw new InvalidOperationException("AddJournal must run first, with a Redis connection configured.");

    public static string RedisPrefix(this IConfiguration configuration) => configuration["Redis:Prefix"] is { Length: > 0 } prefix ? prefix : "vkl";

    /// <summary>
    /// The journal (embedded SQLite, or Redis when <c>ConnectionStrings:Redis</c> is set), the projections folded from
    /// it and the command executor.
    /// </summary>
    public static void AddJournal(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JournalOptions>()
            .BindConfiguration("Journal")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<RedisOptions>().BindConfiguration("Redis").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        if (builder.Configuration.UsesRedis())
        {
            // abortConnect=false: a node starts (and serves what it can) while Redis is still coming up.
            var configuration = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString("Redis")!);
            configuration.AbortOnConnectFail = false;

            // The journal runs INFO and BGREWRITEAOF after a privacy purge, so the erased text leaves the AOF on disk too.
            configuration.AllowAdmin = true;
            var redis = ConnectionMultiplexer.Connect(configuration);
            builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
            builder.Services.AddSingleton<IJournal>(sp =>
                new RedisJournal(redis, sp.GetRequiredService<IOptions<RedisOptions>>().Value.Prefix, sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            builder.Services.AddSingleton<IJournal>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<JournalOptions>>().Value;
                var path = Path.GetFullPath(options.SqlitePath, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
                return new SqliteJournal(path, sp.GetRequiredService<TimeProvider>());
            });
        }

        builder.Services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>, DataFolderPermissions>();
        builder.Services.AddSingleton<ProjectionStore>();
        builder.Services.AddSingleton<CommandExecutor>();
        builder.Services.AddHostedService<JournalFollower>();
    }
}
