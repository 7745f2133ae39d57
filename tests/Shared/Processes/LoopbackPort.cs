using System.Net;
using System.Net.Sockets;

namespace VakkanjersLive.Tests.Shared.Processes;

/// <summary>Free ports on 127.0.0.1 for the servers tests start (Redis, app nodes, nginx).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
