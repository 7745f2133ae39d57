using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Journal;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Journal;

public static class JournalSetup
{
    /// <summary>The journal (embedded SQLite), the projections folded from it and the command executor.</summary>
    public static void AddJournal(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JournalOptions>()
            .BindConfiguration("Journal")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IJournal>(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JournalOptions>>().Value;
            var path = Path.GetFullPath(options.SqlitePath, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
            return new SqliteJournal(path, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<ProjectionStore>();
        builder.Services.AddSingleton<CommandExecutor>();
        builder.Services.AddHostedService<JournalFollower>();
    }
}
