using System.ComponentModel.DataAnnotations;

namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>Where the journal lives. Bound from the "Journal" configuration section.</summary>
public sealed class JournalOptions
{
    /// <summary>Path of the SQLite file; relative paths are under the app's content root. Default: data/journal.db.</summary>
    [Required]
    [MinLength(1)]
    public string SqlitePath { get; set; } = Path.Combine("data", "journal.db");

    /// <summary>How often every stream is re-checked for entries a notification missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
