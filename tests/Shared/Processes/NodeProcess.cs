using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace VakkanjersLive.Tests.Shared.Processes;

/// <summary>
/// The app as a real, separate process (<c>dotnet VakkanjersLive.Web.dll</c> from the web project's own build), so it
/// can be killed with SIGKILL mid-event like a crashed server.
/// </summary>
public sealed partial class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string? _ownFolder;

    public NodeProcess(IDictionary<string, string> settings)
    {
        Port = LoopbackPort.Free();

        // Each node its own demo credentials file (the judges' codes are there, not on the console).
        if (settings.TryGetValue("Demo:CredentialsFile", out var credentials))
        {
            CredentialsFile = credentials;
        }
        else
        {
            _ownFolder = Directory.CreateTempSubdirectory("vkl-node-").FullName;
            CredentialsFile = Path.Combine(_ownFolder, "demo-credentials.txt");
        }

        var web = PublishedWebDirectory();
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
        start.Environment["Demo__CredentialsFile"] = CredentialsFile;
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

    /// <summary>The demo event's audience join code, as a seeding node prints it.</summary>
    public string DemoJoinCode => Output.Select(l => JoinCodePattern().Match(l)).First(m => m.Success).Groups[1].Value;

    /// <summary>The join code of the demo's LIVE broadcast, which opens with a poll.</summary>
    public string DemoPollJoinCode => Output.Select(l => PollJoinCodePattern().Match(l)).First(m => m.Success).Groups[1].Value;

    /// <summary>The demo sign-in details a seeding node writes (moderator, password, judge codes).</summary>
    public string CredentialsFile { get; }

    /// <summary>The demo's judges (sign-in code, name, category, chair), as a seeding node lists them in its credentials file.</summary>
    public IReadOnlyList<DemoJudge> DemoJudges => (File.Exists(CredentialsFile) ? File.ReadAllLines(CredentialsFile) : [])
        .Select(l => JudgePattern().Match(l)).Where(m => m.Success)
        .Select(m => new DemoJudge(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Success)).ToList();

    /// <summary>The process id, as the moderator's status panel shows it.</summary>
    public int ProcessId => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public IEnumerable<string> Output => _output;

    /// <summary>Waits until <c>/readyz</c> answers 200 (journal and Redis reachable).</summary>
    public async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // Generous: the first node seeds the whole demo (finale, series, episodes) through Redis before it is ready,
        // which takes far longer on a loaded 2-core box than the few seconds it needs on a quiet one.
        var deadline = DateTime.UtcNow.AddSeconds(150);
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

    /// <summary>
    /// <paramref name="count"/> nodes on one Redis, each ready: the first seeds the demo event (and prints its codes),
    /// the others start on the journal it wrote. Signs in with the same administrator as <c>TestApp</c>.
    /// </summary>
    public static async Task<List<NodeProcess>> StartClusterAsync(RedisServer redis, string prefix, int count)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Redis:Prefix"] = prefix,
            ["Admin:UserName"] = "chef",
            ["Admin:Password"] = "correct horse battery staple",
            ["Demo:Seed"] = "true",
            ["Proxy:TrustForwardedHeaders"] = "true",
        };
        var nodes = new List<NodeProcess> { new(settings) };
        await nodes[0].WaitReadyAsync();
        settings["Demo:Seed"] = "false";
        nodes.AddRange(Enumerable.Range(1, count - 1).Select(_ => new NodeProcess(settings)));
        await Task.WhenAll(nodes.Skip(1).Select(n => n.WaitReadyAsync()));
        return nodes;
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
        if (_ownFolder is not null)
        {
            try
            {
                Directory.Delete(_ownFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// The web project published from its existing build (as the Dockerfile does), once per test assembly: a node
    /// outside Development serves static assets (blazor.web.js, MudBlazor) only from a published wwwroot.
    /// </summary>
    private static string PublishedWebDirectory() => Published.Value;

    private static readonly Lazy<string> Published = new(() =>
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name; // bin/<Configuration>/net10.0
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VakkanjersLive.sln")))
        {
            root = root.Parent;
        }

        var project = Path.Combine(root!.FullName, "src", "VakkanjersLive.Web", "VakkanjersLive.Web.csproj");
        var output = Path.Combine(root.FullName, "artifacts", "nodes", typeof(NodeProcess).Assembly.GetName().Name!);
        using var publish = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", configuration, "--no-build", "--nologo", "-o", output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEnd();
        publish.WaitForExit();
        return publish.ExitCode == 0 && File.Exists(Path.Combine(output, "VakkanjersLive.Web.dll"))
            ? output
            : throw new InvalidOperationException($"Publishing the web project for node processes failed: {log.Result}{errors}");
    });

    [GeneratedRegex("audience join code ([A-Z0-9]{6})")]
    private static partial Regex JoinCodePattern();

    [GeneratedRegex(@"audience join code ([A-Z0-9]{6}) \(a poll is open\)")]
    private static partial Regex PollJoinCodePattern();

    [GeneratedRegex(@"^\s+([A-Z0-9]{5}-[A-Z0-9]{5})\s+(.+) \((\w+)(, chair)?\)$")]
    private static partial Regex JudgePattern();
}

/// <summary>A judge of the seeded demo event, from a seeding node's credentials file.</summary>
public sealed record DemoJudge(string Code, string Name, string Category, bool IsChair);
