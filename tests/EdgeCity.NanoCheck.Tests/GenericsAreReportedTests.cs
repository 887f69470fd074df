namespace EdgeCity.NanoCheck.Tests;

public sealed class GenericsAreReportedTests
{
    [Fact]
    public void A_generic_class_is_reported_with_its_type_parameters()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public sealed class Box<T> { public T? Value; }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Box<T>", "generic type — nanoFramework 1.x runs no generics");
    }

    [Fact]
    public void A_generic_interface_is_reported()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public interface IHandler<TMessage> { void Handle(TMessage message); }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.IHandler<TMessage>", "generic type");
    }

    [Fact]
    public void A_generic_method_and_the_call_that_instantiates_it_are_both_reported()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public static class Pick
                {
                    public static T First<T>(T a, T b) { return a; }
                    public static int Use() { return First(1, 2); }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Pick.First<T>", "generic method — nanoFramework 1.x runs no generics");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Pick.Use", "calls generic method instantiation EdgeCity.Firmware.Probe.Pick.First<int>");
    }

    [Fact]
    public void Generic_parameter_constraints_are_reported_one_by_one()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public static class Pool
                {
                    public static T Create<T>() where T : System.IDisposable, new() { return default!; }
                    public static void Clear<TValue>(TValue value) where TValue : struct { }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Pool.Create<T>", "constraint 'T : System.IDisposable'");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Pool.Create<T>", "constraint 'T : new()'");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Pool.Clear<TValue>", "constraint 'TValue : struct'");
    }

    [Fact]
    public void A_generic_delegate_that_nano_mscorlib_declares_is_reported_where_it_is_used()
    {
        // nano mscorlib ships Action<T>, Func<…> and EventHandler<T>: they compile, but the 1.x runtime cannot run them.
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public sealed class Ticker
                {
                    private System.Action<int>? _onTick;
                    public void Start(System.Action<int> onTick) { _onTick = onTick; onTick(1); }
                }
            }
            """);

        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Ticker._onTick", "uses generic instantiation System.Action<int>");
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Ticker.Start", "uses generic instantiation System.Action<int>");
    }

    [Fact]
    public void A_generic_local_function_is_reported_as_a_compiler_generated_generic_method()
    {
        var violations = ProbeCompiler.CheckOnNano("""
            namespace EdgeCity.Firmware.Probe
            {
                public static class Twice
                {
                    public static int Run() { return Same(2); static T Same<T>(T value) => value; }
                }
            }
            """);

        Assert.Contains(violations, violation =>
            violation.Member.StartsWith("EdgeCity.Firmware.Probe.Twice.<Run>g__Same", StringComparison.Ordinal)
            && violation.Member.EndsWith("<T> (compiler-generated)", StringComparison.Ordinal)
            && violation.Problem.StartsWith("generic method", StringComparison.Ordinal));
        ViolationAssert.Reported(violations, "EdgeCity.Firmware.Probe.Twice.Run", "calls generic method instantiation");
    }
}
