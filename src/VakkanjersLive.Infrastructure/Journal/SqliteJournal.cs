using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Infrastructure.Journal;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode with synchronous=FULL, so an append is on disk before it is
/// acknowledged. One node only: notifications are in-process.
/// </summary>
public sealed class SqliteJournal : IJournal, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly JournalSubscribers _subscribers = new();

    // SQLite has one writer at a time; serialising here avoids busy retries inside the process.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteJournal(string path, TimeProvider? time = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            // A folder we create holds the journal (and, by default, the cookie keys): the owner's only.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerOnlyFolder);
            }
        }

        CreateOwnerOnly(path);

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _time = time ?? TimeProvider.System;
        Initialize();
        RestrictToOwner(path);
    }

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public async Task<AppendResult> AppendAsync(string streamId, JournalAppend entry, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (await AppendManyAsync(streamId, [entry], expectedVersion, cancellationToken))[0];
    }

    public async Task<IReadOnlyList<AppendResult>> AppendManyAsync(string streamId, IReadOnlyList<JournalAppend> entries, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        JournalStreams.EnsureValidAppend(streamId, entries);

        if (entries.Count == 0)
        {
            return [];
        }

        var results = new AppendResult[entries.Count];
        long version;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            version = await VersionAsync(connection, transaction, streamId, cancellationToken);
            var inBatch = new Dictionary<Guid, int>();
            var fresh = new List<int>(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                if (await FindByCommandAsync(connection, transaction, streamId, entries[i].CommandId, cancellationToken) is { } existing)
                {
                    results[i] = new AppendResult(AppendOutcome.Duplicate, existing, version);
                }
                else if (!inBatch.TryAdd(entries[i].CommandId, i))
                {
                    results[i] = new AppendResult(AppendOutcome.Duplicate, null, version); // filled in below
                }
                else
                {
                    fresh.Add(i);
                }
            }

            if (fresh.Count > 0 && expectedVersion is { } expected && expected != version)
            {
                foreach (var i in fresh)
                {
                    results[i] = new AppendResult(AppendOutcome.VersionConflict, null, version);
                }

                FillInBatchDuplicates(entries, results, inBatch);
                return results;
            }

            var now = _time.GetUtcNow();
            var last = version + fresh.Count;
            foreach (var i in fresh)
            {
                var stored = new JournalEntry(streamId, ++version, entries[i].CommandId, entries[i].Type, entries[i].Payload, entries[i].Actor, now);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO journal (stream_id, position, command_id, type, payload, actor, recorded_at)
                    VALUES ($stream, $position, $command, $type, $payload, $actor, $recorded)
                    """;
                insert.Parameters.AddWithValue("$stream", stored.StreamId);
                insert.Parameters.AddWithValue("$position", stored.Position);
                insert.Parameters.AddWithValue("$command", stored.CommandId.ToString("N"));
                insert.Parameters.AddWithValue("$type", stored.Type);
                insert.Parameters.AddWithValue("$payload", stored.Payload);
                insert.Parameters.AddWithValue("$actor", (object?)stored.Actor ?? DBNull.Value);
                insert.Parameters.AddWithValue("$recorded", stored.RecordedAt.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(cancellationToken);
                results[i] = new AppendResult(AppendOutcome.Appended, stored, last);
            }

            if (fresh.Count > 0)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].Outcome == AppendOutcome.Duplicate && results[i].Entry is not null)
                {
                    results[i] = results[i] with { StreamVersion = last };
                }
            }

            FillInBatchDuplicates(entries, results, inBatch);
        }
        finally
        {
            _writeLock.Release();
        }

        if (results.Any(r => r.Outcome == AppendOutcome.Appended))
        {
            _subscribers.Publish(new JournalNotification(streamId, version));
        }

        return results;
    }

    /// <summary>A command id repeated inside one batch answers with the entry its first occurrence got.</summary>
    internal static void FillInBatchDuplicates(IReadOnlyList<JournalAppend> entries, AppendResult[] results, Dictionary<Guid, int> firstIndex)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Outcome == AppendOutcome.Duplicate && results[i].Entry is null)
            {
                var first = results[firstIndex[entries[i].CommandId]];
                results[i] = first.Outcome == AppendOutcome.VersionConflict ? first : new AppendResult(AppendOutcome.Duplicate, first.Entry, first.StreamVersion);
            }
        }
    }

    public async IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long fromPosition = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JournalStreams.EnsureValid(streamId);
        const int pageSize = 500;
        var next = Math.Max(1, fromPosition);
        while (true)
        {
            var page = new List<JournalEntry>(pageSize);
            await using (var connection = await OpenAsync(cancellationToken))
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = """
                    SELECT stream_id, position, command_id, type, payload, actor, recorded_at FROM journal
                    WHERE stream_id = $stream AND position >= $from ORDER BY position LIMIT $limit
                    """;
                select.Parameters.AddWithValue("$stream", streamId);
                select.Parameters.AddWithValue("$from", next);
                select.Parameters.AddWithValue("$limit", pageSize);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(ReadEntry(reader));
                }
            }

            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            next = page[^1].Position + 1;
        }
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT DISTINCT stream_id FROM journal ORDER BY stream_id";
        var streams = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(reader.GetString(0));
        }

        return streams;
    }

    public IDisposable Subscribe(Action<JournalNotification> onAppended) => _subscribers.Add(onAppended);

    public async Task<int> RedactAsync(string streamId, Func<JournalEntry, string?> redact, CancellationToken cancellationToken = default)
    {
        JournalStreams.EnsureValid(streamId);
        var changes = new List<(long Position, string Payload)>();
        await foreach (var entry in ReadAsync(streamId, 1, cancellationToken))
        {
            if (redact(entry) is { } payload && payload != entry.Payload)
            {
                changes.Add((entry.Position, payload));
            }
        }

        if (changes.Count == 0)
        {
            return 0;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            foreach (var (position, payload) in changes)
            {
                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE journal SET payload = $payload WHERE stream_id = $stream AND position = $position";
                update.Parameters.AddWithValue("$payload", payload);
                update.Parameters.AddWithValue("$stream", streamId);
                update.Parameters.AddWithValue("$position", position);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            // The old text may linger in the WAL (secure_delete covers the database file's pages): copy the WAL
            // into the database and truncate it. A reader still on an old snapshot keeps the checkpoint from
            // finishing ("busy"): try again until it is done.
            await CheckpointTruncateAsync(connection, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        return changes.Count;
    }

    private static async Task CheckpointTruncateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using (var reader = await checkpoint.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0)
                {
                    return;
                }
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The journal's WAL could not be checkpointed after a redaction (readers kept it busy); the erased text may still be in journal.db-wal.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM journal WHERE 0";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _writeLock.Dispose();

        // Only this file's pool: other journals in the same process (tests, tools) keep theirs.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// Creates the database file with mode 0600 before SQLite opens it: SQLite gives the -wal and -shm files the
    /// database file's mode, so none of them is ever readable by other users.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created meanwhile by another opener; RestrictToOwner sets its mode.
        }
    }

    /// <summary>A journal created before files were 0600 (or copied in from a backup) is made the owner's only.</summary>
    private static void RestrictToOwner(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file) && File.GetUnixFileMode(file) != OwnerOnlyFile)
            {
                File.SetUnixFileMode(file, OwnerOnlyFile);
            }
        }
    }

    private void Initialize()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS journal (
                stream_id   TEXT    NOT NULL,
                position    INTEGER NOT NULL,
                command_id  TEXT    NOT NULL,
                type        TEXT    NOT NULL,
                payload     TEXT    NOT NULL,
                actor       TEXT    NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (stream_id, position)
            ) WITHOUT ROWID;
            CREATE UNIQUE INDEX IF NOT EXISTS journal_command ON journal (stream_id, command_id);
            """;
        command.ExecuteNonQuery();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();

        // synchronous=FULL: an acknowledged append survives power loss, not just a process crash.
        // secure_delete: redacted chat text is overwritten on disk, not left in free pages.
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static async Task<long> VersionAsync(SqliteConnection connection, SqliteTransaction transaction, string streamId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(position), 0) FROM journal WHERE stream_id = $stream";
        command.Parameters.AddWithValue("$stream", streamId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JournalEntry?> FindByCommandAsync(SqliteConnection connection, SqliteTransaction transaction, string streamId, Guid commandId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT stream_id, position, command_id, type, payload, actor, recorded_at FROM journal
            WHERE stream_id = $stream AND command_id = $command
            """;
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$command", commandId.ToString("N"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
    }

    private static JournalEntry ReadEntry(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        Guid.ParseExact(reader.GetString(2), "N"),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
}
