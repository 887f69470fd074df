using System.Net;
using System.Net.Sockets;

namespace EdgeCity.HardwareSim.Radio;

/// <summary>Finds a free TCP port on 127.0.0.1 for a broker or API started by a test, bench or demo.</summary>
public static class FreeLoopbackPort
{
    private const int LowestPort = 10000;

    /// <summary>
    /// A port that is free now and that outgoing connections will not take: chosen at random below the OS's
    /// ephemeral range (Linux: <c>/proc/sys/net/ipv4/ip_local_port_range</c>). A port the OS hands out for
    /// port 0 comes from that range, which every client connection also draws its local port from, so a broker
    /// restarted on "its" port after a kill could find it taken by some board's connection (seen as "Address
    /// already in use" in the kill tests while other test assemblies ran). Falls back to asking the OS.
    /// </summary>
    public static int Find()
    {
        int ephemeralStart = EphemeralRangeStart();
        if (ephemeralStart > LowestPort + 1000)
        {
            for (int attempt = 0; attempt < 64; attempt++)
            {
                int port = Random.Shared.Next(LowestPort, ephemeralStart);
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            string range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            return int.Parse(range.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0; // not Linux: the OS's own choice
        }
    }
}
