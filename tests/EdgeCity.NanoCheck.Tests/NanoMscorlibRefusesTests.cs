using Microsoft.CodeAnalysis;

namespace EdgeCity.NanoCheck.Tests;

/// <summary>
/// What the compile against nano mscorlib already stops, before the checker runs: APIs and runtime types a
/// device does not have. The diagnostics are asserted so that a nano mscorlib update that lets one through shows up.
/// </summary>
public sealed class NanoMscorlibRefusesTests
{
    [Fact]
    public void A_generic_list_does_not_compile_against_nano_mscorlib()
    {
        AssertRefused(
            "public sealed class Bag { private readonly System.Collections.Generic.List<int> _items = new(); }",
            "CS0234", "'Generic' does not exist in the namespace 'System.Collections'");
    }

    [Fact]
    public void A_nullable_value_type_does_not_compile_against_nano_mscorlib()
    {
        AssertRefused("public sealed class Last { public int? Value; }", "CS0518", "System.Nullable`1");
    }

    [Fact]
    public void A_tuple_does_not_compile_against_nano_mscorlib()
    {
        AssertRefused(
            "public static class Pair { public static (int, int) Both() { return (1, 2); } }",
            "CS8179", "System.ValueTuple`2");
    }

    [Fact]
    public void A_task_does_not_compile_against_nano_mscorlib()
    {
        AssertRefused(
            "public static class Work { public static System.Threading.Tasks.Task Run() { return null!; } }",
            "CS0234", "'Tasks' does not exist in the namespace 'System.Threading'");
    }

    [Theory]
    [InlineData("async method", "public static class Work { public static async void Run() { } }", "CS0518")]
    [InlineData("LINQ", "public static class Query { public static int Count(int[] items) { return System.Linq.Enumerable.Count(items); } }", "CS0234")]
    [InlineData("System.Math", "public static class Calc { public static double Root(double x) { return System.Math.Sqrt(x); } }", "CS0234")]
    [InlineData("dynamic", "public static class Late { public static object Call(dynamic target) { return target.Run(); } }", "CS1980")]
    [InlineData("static abstract interface member", "public interface IParser { static abstract int Parse(string text); }", "CS8919")]
    [InlineData("unmanaged function pointer", "public static unsafe class Native { public static delegate* unmanaged<int, void> Callback; }", "CS8889")]
    [InlineData("record", "public sealed record Reading(int Value);", "CS0518")]
    [InlineData("iterator (yield return)", "public static class Counter { public static System.Collections.IEnumerable Up() { yield return 1; } }", "CS0518")]
    [InlineData("volatile field", "public sealed class Flag { private volatile bool _set; public bool Set { get { return _set; } } }", "CS0518")]
    [InlineData("Span", "public static class Bytes { public static int First(System.Span<byte> data) { return data[0]; } }", "CS0234")]
    public void A_construct_the_device_lacks_does_not_compile_against_nano_mscorlib(string construct, string code, string errorId)
    {
        var diagnostics = ProbeCompiler.NanoDiagnostics(Wrap(code));

        Assert.True(
            diagnostics.Any(diagnostic => diagnostic.Id == errorId && diagnostic.Severity == DiagnosticSeverity.Error),
            $"Expected {errorId} for {construct}, got:\n" + string.Join("\n", diagnostics));
    }

    private static void AssertRefused(string code, string errorId, string messageFragment)
    {
        var diagnostics = ProbeCompiler.NanoDiagnostics(Wrap(code));

        Assert.True(
            diagnostics.Any(diagnostic =>
                diagnostic.Id == errorId
                && diagnostic.Severity == DiagnosticSeverity.Error
                && diagnostic.GetMessage().Contains(messageFragment, StringComparison.Ordinal)),
            $"Expected {errorId} mentioning \"{messageFragment}\", got:\n" + string.Join("\n", diagnostics));
    }

    private static string Wrap(string code) => "namespace EdgeCity.Firmware.Probe\n{\n" + code + "\n}\n";
}
