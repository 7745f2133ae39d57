using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VakkanjersLive.Tests.Shared.Processes;

/// <summary>Debian's nginx in front of the given nodes, on a free loopback port, configured like deploy/nginx.conf.</summary>
public sealed class NginxProcess : IDisposable
{
    public const string Executable = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _directory = Directory.CreateTempSubdirectory("vkl-nginx-").FullName;

    /// <param name="nodes">The app nodes behind it.</param>
    /// <param name="sticky">Pin each client address to one node (<c>ip_hash</c>), as deploy/nginx.conf does for Blazor
    /// circuits; without it requests go round-robin, which the public hub (WebSockets, no negotiate) does not mind.</param>
    public NginxProcess(IEnumerable<Uri> nodes, bool sticky = false)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run tests/run-tests.sh, which installs Debian's nginx.");
        }

        Port = LoopbackPort.Free();
        var upstream = string.Join(Environment.NewLine, nodes.Select(n => $"    server 127.0.0.1:{n.Port} max_fails=1 fail_timeout=2s;"));
        var config = $$"""
            worker_processes 1;
            error_log {{_directory}}/error.log warn;
            pid {{_directory}}/nginx.pid;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{_directory}}/body;
              proxy_temp_path {{_directory}}/proxy;
              fastcgi_temp_path {{_directory}}/fastcgi;
              uwsgi_temp_path {{_directory}}/uwsgi;
              scgi_temp_path {{_directory}}/scgi;
              map $http_upgrade $connection_upgrade { default upgrade; '' close; }
              upstream vakkanjerslive {
                {{(sticky ? "ip_hash;" : string.Empty)}}
            {{upstream}}
              }
              server {
                listen 127.0.0.1:{{Port}};
                location / {
                  proxy_pass http://vakkanjerslive;
                  proxy_http_version 1.1;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_read_timeout 1h;
                  proxy_next_upstream error timeout http_502 http_503;
                  proxy_connect_timeout 1s;
                }
              }
            }
            """;
        File.WriteAllText(Path.Combine(_directory, "nginx.conf"), config);
        _process = Process.Start(new ProcessStartInfo(Executable)
        {
            ArgumentList = { "-p", _directory, "-c", Path.Combine(_directory, "nginx.conf"), "-g", "daemon off;" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitListening();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WaitListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("nginx exited: " + File.ReadAllText(Path.Combine(_directory, "error.log")));
                }

                Thread.Sleep(50);
            }
        }

        throw new TimeoutException("nginx did not start listening.");
    }
}
