namespace EdgeCity.NanoCheck.Tests;

public sealed class ArraysPointersAndInstructionsAreReportedTests
{
    [Fact]
    public void A_multidimensional_array_is_reported_on_the_field_and_on_every_method_that_touches_it()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public sealed class Grid
                {
                    private readonly int[,] _cells = new int[3, 3];
                    public int Corner() { int[,] cells = _cells; return cells[2, 2]; }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Grid._cells", "uses multidimensional array int[,]");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Grid..ctor", "uses multidimensional array int[,]");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Grid.Corner", "uses multidimensional array int[,]");
    }

    [Fact]
    public void Stackalloc_is_reported_as_the_localloc_instruction()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public static unsafe class Scratch
                {
                    public static int Sum() { int* buffer = stackalloc int[4]; buffer[0] = 1; return buffer[0]; }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Scratch.Sum", "IL instruction 'localloc' (from stackalloc)");
    }

    [Fact]
    public void A_function_pointer_and_the_calli_through_it_are_reported()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public static unsafe class Dispatch
                {
                    private static void Tick(int count) { }
                    public static void Run() { delegate*<int, void> tick = &Tick; tick(1); }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Dispatch.Run", "function pointer type (delegate*)");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Dispatch.Run", "IL instruction 'calli'");
    }

    [Fact]
    public void An_unmanaged_function_pointer_is_reported()
    {
        // nano mscorlib refuses `delegate* unmanaged` (see NanoMscorlibRefusesTests); this is the checker's own line of defence.
        var violations = ProbeCompiler.CheckOnDesktop("""
            namespace EdgeCity.Firmware.Probe
            {
                public static unsafe class Native
                {
                    public static delegate* unmanaged<int, void> Callback;
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Native.Callback", "function pointer type (delegate*)");
    }

    [Fact]
    public void Typed_references_are_reported_as_their_instructions()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public static class Refs
                {
                    public static int Read() { int x = 5; System.TypedReference r = __makeref(x); return __refvalue(r, int); }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Refs.Read", "IL instruction 'mkrefany' (from __makeref)");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Refs.Read", "IL instruction 'refanyval' (from __refvalue)");
    }

    [Fact]
    public void An_arglist_method_and_its_callers_are_reported()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public static class Printf
                {
                    public static void Log(string format, __arglist) { }
                    public static void Use() { Log("{0}", __arglist(1, "a")); }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Printf.Log", "variable-argument (__arglist)");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Printf.Use", "variable-argument (__arglist)");
    }
}
