using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VakkanjersLive.Tests.Shared.Processes;

/// <summary>
/// A real redis-server from Debian on a free loopback port, with AOF and fsync on every write (as deploy/redis.conf),
/// in its own temp folder. It can be killed (SIGKILL) and started again on the same port and data.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private Process? _process;

    public RedisServer()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run tests/run-tests.sh, which installs Debian's redis-server.");
        }

        Directory = System.IO.Directory.CreateTempSubdirectory("vkl-redis-").FullName;
        Port = LoopbackPort.Free();
        Start();
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>
    /// StackExchange.Redis configuration: fast reconnects, no failing when Redis is briefly away; admin commands on, as
    /// the app sets them (the journal rewrites the AOF after a privacy purge).
    /// </summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=3000,connectRetry=5,allowAdmin=true";

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo(Executable)
        {
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
                "--appendonly", "yes", "--appendfsync", "always", "--dir", Directory, "--daemonize", "no", "--protected-mode", "no",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    /// <summary>SIGKILL, as a crash would: no shutdown save, only what AOF already has.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[64];
                var read = stream.Read(buffer);
                if (read > 0 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }
            catch (IOException)
            {
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"redis-server did not start on port {Port}.");
    }
}
