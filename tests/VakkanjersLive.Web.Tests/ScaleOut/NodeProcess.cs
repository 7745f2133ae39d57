using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VakkanjersLive.Web.Tests.ScaleOut;

/// <summary>
/// The app as a real, separate process (<c>dotnet VakkanjersLive.Web.dll</c> from the web project's own build), so it
/// can be killed with SIGKILL mid-event like a crashed server.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public NodeProcess(IDictionary<string, string> settings)
    {
        Port = FreePort();
        var web = WebBuildDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(web, "VakkanjersLive.Web.dll"), "--urls", BaseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? string.Empty);
        _process.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? string.Empty);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public IEnumerable<string> Output => _output;

    /// <summary>Waits until <c>/readyz</c> answers 200 (journal and Redis reachable).</summary>
    public async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("Node exited: " + string.Join(Environment.NewLine, _output));
            }

            try
            {
                if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Node not ready: " + string.Join(Environment.NewLine, _output));
    }

    /// <summary>SIGKILL: no graceful shutdown, no lease hand-over, nothing flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string WebBuildDirectory()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name; // bin/<Configuration>/net10.0
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VakkanjersLive.sln")))
        {
            root = root.Parent;
        }

        var web = Path.Combine(root!.FullName, "src", "VakkanjersLive.Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(web, "VakkanjersLive.Web.dll"))
            ? web
            : throw new InvalidOperationException($"Build the web project first: {web} has no VakkanjersLive.Web.dll.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
