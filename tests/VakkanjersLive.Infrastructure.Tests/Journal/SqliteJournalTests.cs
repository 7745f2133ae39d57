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
