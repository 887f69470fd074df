namespace EdgeCity.NanoCheck;

/// <summary>The command line: check one assembly, print one MSBuild error line per violation.</summary>
internal static class NanoCheckCommand
{
    /// <summary>Exit code when the assembly has no violation.</summary>
    public const int Clean = 0;

    /// <summary>Exit code when at least one violation was printed.</summary>
    public const int ViolationsFound = 1;

    /// <summary>Exit code when the assembly could not be read.</summary>
    public const int Unreadable = 3;

    public static int Run(string assemblyPath, TextWriter output)
    {
        IReadOnlyList<NanoViolation> violations;
        try
        {
            violations = NanoAssemblyChecker.CheckFile(assemblyPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            output.WriteLine($"{assemblyPath}: error NANO000: cannot read the assembly: {ex.Message}");
            return Unreadable;
        }

        foreach (NanoViolation violation in violations)
        {
            output.WriteLine(violation.ToMsBuildError(assemblyPath));
        }

        if (violations.Count == 0)
        {
            output.WriteLine($"{Path.GetFileName(assemblyPath)}: nothing that nanoFramework 1.x cannot run.");
            return Clean;
        }

        return ViolationsFound;
    }
}
