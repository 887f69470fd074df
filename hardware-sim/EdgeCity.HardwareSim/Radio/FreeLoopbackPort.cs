using System.Net;
using System.Net.Sockets;

namespace EdgeCity.HardwareSim.Radio;

/// <summary>Finds a free TCP port on 127.0.0.1 for a broker or API started by a test, bench or demo.</summary>
public static class FreeLoopbackPort
{
    /// <summary>
    /// Asks the OS for a free port and releases it. Another process could take it before it is used again;
    /// on loopback in a test run that is rare enough, and callers that bind fail loudly if it happens.
    /// </summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
