using System.Diagnostics;

namespace EdgeCity.Cli.Flashing;

/// <summary>Finds nanoff on PATH and runs a <see cref="FlashPlan"/>'s steps one after the other, showing progress.</summary>
public static class NanoffRunner
{
    /// <summary>The install command printed when nanoff is missing.</summary>
    public const string InstallCommand = "dotnet tool install -g nanoff";

    /// <summary>Full path of the nanoff executable on PATH (also ~/.dotnet/tools), or null.</summary>
    public static string? Locate()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        IEnumerable<string> folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(home, ".dotnet", "tools"));
        string[] names = OperatingSystem.IsWindows() ? ["nanoff.exe", "nanoff.cmd"] : ["nanoff"];
        return folders.SelectMany(f => names.Select(n => Path.Combine(f, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs each step; stops at the first that fails.</summary>
    /// <returns>0 when every step succeeded, else nanoff's exit code (or 1 if it was 0 but the step could not start).</returns>
    public static int Run(string nanoff, IReadOnlyList<NanoffStep> steps, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var progress = new FlashProgressBar(stdout, steps.Count, FlashProgressBar.ConsoleIsInteractive && ReferenceEquals(stdout, Console.Out));
        for (int i = 0; i < steps.Count; i++)
        {
            NanoffStep step = steps[i];
            progress.BeginStep(i);
            stdout.WriteLine($"[{i + 1}/{steps.Count}] {step.Description}");
            stdout.WriteLine($"      {step.CommandLine}");
            var start = new ProcessStartInfo(nanoff) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in step.Arguments)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null || !progress.Observe(e.Data))
                {
                    WriteIndented(stdout, e.Data);
                }
            };
            process.ErrorDataReceived += (_, e) => WriteIndented(stderr, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                stderr.WriteLine($"flash: step {i + 1} of {steps.Count} failed: nanoff exited with code {process.ExitCode} ({step.Description}); the later steps were not run");
                return process.ExitCode;
            }
        }

        stdout.WriteLine($"flash: all {steps.Count} steps done");
        return 0;
    }

    private static void WriteIndented(TextWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine("      " + line);
            }
        }
    }
}
