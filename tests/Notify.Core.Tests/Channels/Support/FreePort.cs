using System.Net;
using System.Net.Sockets;

namespace Notify.Core.Tests.Channels.Support;

/// <summary>Loopback ports nothing listens on (at the moment of asking).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
