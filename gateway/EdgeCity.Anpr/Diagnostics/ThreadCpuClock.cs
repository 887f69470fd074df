using System.Runtime.InteropServices;

namespace EdgeCity.Anpr.Diagnostics;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): what one core spends on a
/// frame, unaffected by other processes sharing the machine. Elsewhere it falls back to wall-clock time.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    /// <summary>Milliseconds of this thread's CPU time so far.</summary>
    public static double NowMs()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out TimeSpec t) == 0)
        {
            return (t.Seconds * 1000.0) + (t.Nanoseconds / 1e6);
        }

        return Environment.TickCount64;
    }
}
