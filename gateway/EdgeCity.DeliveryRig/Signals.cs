using System.Diagnostics;
using System.Globalization;

namespace EdgeCity.DeliveryRig;

/// <summary>SIGTERM to a child process (Process.Kill only sends SIGKILL), through the system's <c>kill</c>.</summary>
internal static class Signals
{
    /// <summary>Asks process <paramref name="pid"/> to terminate in order, as systemd does.</summary>
    public static void Terminate(int pid)
    {
        using Process kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
