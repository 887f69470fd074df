namespace EdgeCity.NanoCheck.Tests;

public sealed class ViolationReportingTests
{
    private const string GenericProbe = """
        namespace EdgeCity.Firmware.Probe
        {
            public static class Pick
            {
                public static T First<T>(T a, T b)
                {
                    return a;
                }
            }
        }
        """;

    [Fact]
    public void A_violation_points_at_the_first_line_of_the_member_that_holds_it()
    {
        var violations = ProbeCompiler.CheckOnNano(GenericProbe);

        NanoViolation violation = ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Pick.First<T>", "generic method");
        Assert.Equal(ProbeCompiler.SourcePath, violation.SourcePath);
        Assert.Equal(6, violation.Line);
    }

    [Fact]
    public void A_violation_with_a_source_line_prints_as_a_located_msbuild_error()
    {
        var violation = new NanoViolation("EdgeCity.Firmware.Foo.Bar<T>", "generic method — nanoFramework 1.x runs no generics")
        {
            SourcePath = "/src/Foo.cs",
            Line = 12,
            Column = 9,
        };

        Assert.Equal(
            "/src/Foo.cs(12,9): error NANO001: EdgeCity.Firmware.Foo.Bar<T>: generic method — nanoFramework 1.x runs no generics",
            violation.ToMsBuildError("/bin/Firmware.dll"));
    }

    [Fact]
    public void A_violation_without_a_source_prints_as_an_msbuild_error_on_the_assembly()
    {
        var violation = new NanoViolation("EdgeCity.Firmware.Foo", "generic type — nanoFramework 1.x runs no generics");

        Assert.Equal(
            "/bin/Firmware.dll: error NANO001: EdgeCity.Firmware.Foo: generic type — nanoFramework 1.x runs no generics",
            violation.ToMsBuildError("/bin/Firmware.dll"));
    }

    [Fact]
    public void The_command_prints_one_error_line_per_violation_and_exits_non_zero()
    {
        using var directory = new TemporaryDirectory();
        string assembly = directory.Write("Probe.dll", ProbeCompiler.EmitForNano(GenericProbe).Image);
        var output = new StringWriter();

        int exitCode = NanoCheckCommand.Run(assembly, output);

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(NanoCheckCommand.ViolationsFound, exitCode);
        Assert.Equal(NanoAssemblyChecker.CheckFile(assembly).Count, lines.Length);
        Assert.All(lines, line => Assert.StartsWith(assembly + ": error NANO001: EdgeCity.Firmware.Probe.Pick.", line, StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_reads_the_pdb_beside_the_assembly_for_source_lines()
    {
        using var directory = new TemporaryDirectory();
        (byte[] image, byte[] pdb) = ProbeCompiler.EmitForNano(GenericProbe);
        string assembly = directory.Write("EdgeCity.Firmware.Probe.dll", image);
        directory.Write("EdgeCity.Firmware.Probe.pdb", pdb);
        var output = new StringWriter();

        NanoCheckCommand.Run(assembly, output);

        Assert.Contains("Probe.cs(6,9): error NANO001: EdgeCity.Firmware.Probe.Pick.First<T>: generic method", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_exits_zero_on_an_assembly_without_violations()
    {
        using var directory = new TemporaryDirectory();
        string assembly = directory.Write(
            "Clean.dll",
            ProbeCompiler.EmitForNano("namespace EdgeCity.Firmware.Probe { public sealed class Led { public bool On; } }").Image);
        var output = new StringWriter();

        int exitCode = NanoCheckCommand.Run(assembly, output);

        Assert.Equal(NanoCheckCommand.Clean, exitCode);
        Assert.DoesNotContain("error", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_reports_a_file_that_is_not_an_assembly_as_a_build_error()
    {
        using var directory = new TemporaryDirectory();
        string notAssembly = directory.Write("readme.dll", "not a PE file"u8.ToArray());
        var output = new StringWriter();

        int exitCode = NanoCheckCommand.Run(notAssembly, output);

        Assert.Equal(NanoCheckCommand.Unreadable, exitCode);
        Assert.StartsWith(notAssembly + ": error NANO000: cannot read the assembly", output.ToString(), StringComparison.Ordinal);
    }
}
