using System.Diagnostics;
using StackExchange.Redis;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Journal;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Tests.Shared.Processes;

namespace VakkanjersLive.Infrastructure.Tests.Journal;

/// <summary>
/// The shipped deploy/redis.conf on a real redis-server, started as docker-compose.yml starts it (password on stdin):
/// loopback only, protected mode on, no answer without the password, AOF with fsync always and no RDB snapshots;
/// the journal works through a connection with the password, its purge's AOF rewrite included.
/// </summary>
public sealed class RedisConfigTests : IDisposable
{
    private const string Password = "0123456789abcdef0123456789abcdef";

    private static readonly string Root = RepositoryRoot.Path;

    private readonly string _directory = Directory.CreateTempSubdirectory("vkl-redis-conf-").FullName;
    private readonly int _port = LoopbackPort.Free();
    private readonly Process _server;

    public RedisConfigTests()
    {
        // The shipped file, with only the data dir moved (the container's /data) and a free port.
        var config = File.ReadAllLines(Path.Combine(Root, "deploy", "redis.conf"))
            .Select(l => l.StartsWith("dir ", StringComparison.Ordinal) ? $"dir {_directory}" : l)
            .Select(l => l.StartsWith("port ", StringComparison.Ordinal) ? $"port {_port}" : l);
        var file = Path.Combine(_directory, "redis.conf");
        File.WriteAllLines(file, config);
        _server = Process.Start(new ProcessStartInfo(RedisServer.Executable)
        {
            ArgumentList = { file, "--daemonize", "no", "-" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        _server.StandardInput.WriteLine($"requirepass {Password}");
        _server.StandardInput.Close();
    }

    [Fact]
    public async Task ShippedConfig_RefusesWithoutThePassword_AndKeepsEveryAppendOnDisk()
    {
        using var connection = await ConnectAsync(Password);
        Assert.True(connection.IsConnected);
        Assert.StartsWith("-NOAUTH", await AnonymousAsync("PING"), StringComparison.Ordinal);

        var server = connection.GetServer(connection.GetEndPoints()[0]);
        Assert.Equal("yes", await ConfigAsync(server, "protected-mode"));
        Assert.Equal("127.0.0.1 -::1", await ConfigAsync(server, "bind"));
        Assert.Equal("yes", await ConfigAsync(server, "appendonly"));
        Assert.Equal("always", await ConfigAsync(server, "appendfsync"));
        Assert.Equal(string.Empty, await ConfigAsync(server, "save"));
        Assert.Equal("noeviction", await ConfigAsync(server, "maxmemory-policy"));

        using var journal = new RedisJournal(connection, "conf");
        await journal.AppendAsync("event-conf", new JournalAppend(Guid.NewGuid(), "Chat", "{\"text\":\"geheim\"}", null));
        Assert.Equal(1, await journal.RedactAsync("event-conf", _ => "{\"text\":\"\"}"));
    }

    [Fact]
    public void ComposeFile_GivesRedisAndTheNodesThePasswordFromTheEnvironment_AndPublishesNoRedisPort()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

        Assert.Contains("requirepass $$REDIS_PASSWORD", compose, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Redis: \"redis:6379,abortConnect=false,password=${REDIS_PASSWORD:?", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("6379:", compose, StringComparison.Ordinal);
        Assert.Contains("internal: true", compose, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (!_server.HasExited)
        {
            _server.Kill();
            _server.WaitForExit();
        }

        _server.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> ConfigAsync(IServer server, string name) =>
        (await server.ConfigGetAsync(name)).Single().Value;

    /// <summary>One command without the password, on a plain socket.</summary>
    private async Task<string> AnonymousAsync(string command)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, _port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(string? password)
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{_port},abortConnect=false,connectTimeout=2000,syncTimeout=3000,allowAdmin=true");
        options.Password = password;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            if (connection.IsConnected || DateTime.UtcNow > deadline)
            {
                return connection;
            }

            connection.Dispose();
            await Task.Delay(100);
        }
    }

}
