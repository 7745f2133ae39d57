using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Journal;

namespace VakkanjersLive.Infrastructure.Tests.Journal;

public sealed class SqliteJournalTests : JournalContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vkl-journal-" + Guid.NewGuid().ToString("N"));

    protected override IJournal CreateJournal() => new SqliteJournal(Path.Combine(_directory, "journal.db"));

    protected override void DisposeStorage()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Open_CreatesTheFileInWalMode()
    {
        _ = OpenJournal();
        Assert.True(File.Exists(Path.Combine(_directory, "journal.db")));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "journal.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }
}

/// <summary>A purge leaves no copy of the erased text in the database file, its WAL or its shared-memory index.</summary>
public sealed class SqliteErasureOnDiskTests : IDisposable
{
    private const string Secret = "geheim-bericht-van-een-kind";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vkl-erase-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Redact_LeavesNoCopyOfTheErasedText_InTheDatabaseWalOrShm()
    {
        using var journal = new SqliteJournal(Path.Combine(_directory, "journal.db"));
        await journal.AppendAsync("event-erase", new JournalAppend(Guid.NewGuid(), "Chat", $"{{\"text\":\"{Secret}\"}}", null));
        for (var i = 0; i < 20; i++)
        {
            await journal.AppendAsync("event-erase", new JournalAppend(Guid.NewGuid(), "Score", $"{{\"v\":{i}}}", null));
        }

        Assert.NotEmpty(FilesContaining(Secret));

        Assert.Equal(1, await journal.RedactAsync("event-erase", e => e.Type == "Chat" ? "{\"text\":\"\"}" : null));

        Assert.Empty(FilesContaining(Secret));
        Assert.Equal("{\"text\":\"\"}", (await journal.ReadAsync("event-erase").FirstAsync()).Payload);
    }

    [Fact]
    public async Task JournalFiles_AreReadableByTheOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        using var journal = new SqliteJournal(Path.Combine(_directory, "journal.db"));
        await journal.AppendAsync("event-mode", new JournalAppend(Guid.NewGuid(), "T", "{}", null));

        foreach (var file in new[] { "journal.db", "journal.db-wal", "journal.db-shm" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, file)));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private List<string> FilesContaining(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(_directory, "journal.db*")
            .Where(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
            })
            .ToList();
    }
}
