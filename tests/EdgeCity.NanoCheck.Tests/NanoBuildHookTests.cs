using System.Diagnostics;

namespace EdgeCity.NanoCheck.Tests;

/// <summary>
/// The real EdgeCity.Firmware.Nano and EdgeCity.NanoCheck project files, copied with the root build files into a
/// temporary tree whose firmware folder holds one probe file, built with <c>dotnet build</c>.
/// </summary>
public sealed class NanoBuildHookTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public void Building_the_nano_project_fails_with_NANO001_when_the_firmware_holds_a_generic_type()
    {
        using var tree = new TemporaryDirectory();
        CopyBuildFiles(RepositoryRoot(), tree.Path);
        tree.Write("firmware/EdgeCity.Firmware/Box.cs", """
            namespace EdgeCity.Firmware.Probe
            {
                public sealed class Box<T>
                {
                    public T? Value;
                }
            }
            """u8.ToArray());
        tree.Write("firmware/EdgeCity.Firmware/Box.Desktop.cs", """
            namespace EdgeCity.Firmware.Probe
            {
                public static class DesktopOnly { public static System.Collections.Generic.List<int> Values = new(); }
            }
            """u8.ToArray());

        (int exitCode, string output) = DotnetBuild(tree.Path, "firmware/EdgeCity.Firmware.Nano/EdgeCity.Firmware.Nano.csproj");

        Assert.True(exitCode != 0, "The build passed although the firmware holds a generic type:\n" + output);
        Assert.Contains("Box.cs : error NANO001: EdgeCity.Firmware.Probe.Box<T>: generic type", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", output, StringComparison.Ordinal);
    }

    private static void CopyBuildFiles(string root, string destination)
    {
        foreach (string file in Directory.EnumerateFiles(root)
                     .Where(file => Path.GetFileName(file) is "global.json" or "NuGet.config" or ".editorconfig"
                         || Path.GetFileName(file).StartsWith("Directory.", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (string project in new[] { "firmware/EdgeCity.Firmware.Nano", "firmware/EdgeCity.NanoCheck" })
        {
            string source = Path.Combine(root, project);
            string target = Path.Combine(destination, project);
            Directory.CreateDirectory(target);
            foreach (string file in Directory.EnumerateFiles(source).Where(file => Path.GetExtension(file) is ".cs" or ".csproj" or ".json"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    private static (int ExitCode, string Output) DotnetBuild(string workingDirectory, string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "build", project, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`; its MSBuild settings must not leak into the child build.
        foreach (string variable in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet build did not finish within {BuildTimeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props"))
                && Directory.Exists(Path.Combine(directory.FullName, "firmware", "EdgeCity.NanoCheck")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }
}
