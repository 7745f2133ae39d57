using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Tests.Shared.Processes;

namespace VakkanjersLive.Web.Tests.ScaleOut;

/// <summary>
/// The shipped deploy/nginx.conf and deploy/tls/certificate.conf on Debian's nginx, with a throwaway self-signed
/// certificate and loopback ports in place of 80/443 and the compose host names: the config is valid, port 80 only
/// redirects to HTTPS, and the TLS server sends HSTS (even on an error, here a 502 with no node behind it).
/// </summary>
public sealed class NginxTlsConfigTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vkl-nginx-tls-").FullName;
    private readonly int _http = LoopbackPort.Free();
    private readonly int _https = LoopbackPort.Free();
    private Process? _nginx;

    [Fact]
    public void TheShippedConfig_IsValid_WithACertificate()
    {
        var (exitCode, output) = Run("-t", "-p", _directory, "-c", WriteConfig(), "-g", $"pid {_directory}/nginx.pid; error_log {_directory}/error.log;");

        Assert.True(exitCode == 0, output);
        Assert.Contains("test is successful", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_RedirectsToHttps_AndTheTlsServer_SendsHsts()
    {
        var config = WriteConfig();
        _nginx = Process.Start(new ProcessStartInfo(NginxProcess.Executable)
        {
            ArgumentList = { "-p", _directory, "-c", config, "-g", $"daemon off; pid {_directory}/nginx.pid; error_log {_directory}/error.log;" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        await WaitListening(_https);

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var redirect = await http.GetAsync($"http://127.0.0.1:{_http}/events?x=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("https://127.0.0.1/events?x=1", redirect.Headers.Location?.ToString());

        using var https = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        var answer = await https.GetAsync($"https://127.0.0.1:{_https}/");
        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(answer.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(answer.Headers.Contains("Server") && answer.Headers.Server.ToString().Contains('/', StringComparison.Ordinal), "no nginx version");
    }

    private string WriteConfig()
    {
        var root = RepositoryRoot.Path;
        var (exitCode, output) = Run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", Path.Combine(_directory, "privkey.pem"), "-out", Path.Combine(_directory, "fullchain.pem")]);
        Assert.True(exitCode == 0, output);
        File.WriteAllText(Path.Combine(_directory, "certificate.conf"), File.ReadAllText(Path.Combine(root, "deploy", "tls", "certificate.conf")).Replace("/etc/nginx/tls/", _directory + "/", StringComparison.Ordinal));

        var config = File.ReadAllText(Path.Combine(root, "deploy", "nginx.conf"));
        foreach (var (shipped, here) in new[]
        {
            ("/etc/nginx/tls/", _directory + "/"),
            ("listen 80;", $"listen 127.0.0.1:{_http};"),
            ("listen 443 ssl", $"listen 127.0.0.1:{_https} ssl"),
            ("app1:8080", $"127.0.0.1:{LoopbackPort.Free()}"),
            ("app2:8080", $"127.0.0.1:{LoopbackPort.Free()}"),
            ("worker_connections 20000;", "worker_connections 64;"),
            ("/var/www/acme", _directory),
        })
        {
            Assert.Contains(shipped, config, StringComparison.Ordinal);
            config = config.Replace(shipped, here, StringComparison.Ordinal);
        }

        config = config.Replace("http {", $"http {{\n  access_log {_directory}/access.log;", StringComparison.Ordinal);
        var file = Path.Combine(_directory, "nginx.conf");
        File.WriteAllText(file, config);
        return file;
    }

    private static (int ExitCode, string Output) Run(params string[] arguments) =>
        Run(NginxProcess.Executable, arguments);

    private static (int ExitCode, string Output) Run(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private async Task WaitListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && _nginx is { HasExited: false })
            {
                await Task.Delay(50);
            }
        }
    }

    public void Dispose()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit();
        }

        _nginx?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
