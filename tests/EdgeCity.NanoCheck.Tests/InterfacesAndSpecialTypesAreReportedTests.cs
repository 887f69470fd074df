namespace EdgeCity.NanoCheck.Tests;

public sealed class InterfacesAndSpecialTypesAreReportedTests
{
    [Fact]
    public void A_default_interface_method_compiles_against_nano_mscorlib_and_is_reported()
    {
        // nano mscorlib declares RuntimeFeature.DefaultImplementationsOfInterfaces, so only the checker stops this.
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public interface IGreeter
                {
                    string Name { get; }
                    string Greet() { return "hi " + Name; }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.IGreeter.Greet", "interface member with a body (default interface member)");
        Assert.DoesNotContain(violations, violation => violation.Member == "EdgeCity.Firmware.Probe.IGreeter.get_Name");
    }

    [Fact]
    public void A_static_abstract_interface_member_is_reported()
    {
        var violations = ProbeCompiler.CheckOnDesktop("""
            namespace EdgeCity.Firmware.Probe
            {
                public interface IParser { static abstract int Parse(string text); }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.IParser.Parse", "static abstract or static virtual interface member");
    }

    [Fact]
    public void A_ref_struct_is_reported()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public ref struct Cursor { public int Position; }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Cursor", "ref struct (by-ref-like type)");
    }

    [Fact]
    public void Dynamic_is_reported()
    {
        var violations = ProbeCompiler.CheckOnDesktop("""
            namespace EdgeCity.Firmware.Probe
            {
                public static class Late
                {
                    public static object Call(dynamic target) { return target.Run(); }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Late.Call", "dynamic — nanoFramework 1.x has no dynamic language runtime");
    }
}
