using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace EdgeCity.NanoCheck.Tests;

/// <summary>
/// Compiles a C# snippet in memory — against nanoFramework's mscorlib, as EdgeCity.Firmware.Nano does, or against
/// the desktop runtime for constructs nano's mscorlib already refuses — and runs the checker on the image.
/// </summary>
internal static class ProbeCompiler
{
    public const string SourcePath = "Probe.cs";

    public static string NanoDirectory => Path.Combine(AppContext.BaseDirectory, "nano");

    private static readonly Lazy<MetadataReference[]> NanoReferences = new(() =>
        [MetadataReference.CreateFromFile(Path.Combine(NanoDirectory, "mscorlib.dll"))]);

    private static readonly Lazy<MetadataReference[]> DesktopReferences = new(() =>
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return
        [
            .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(path => Path.GetDirectoryName(path) == runtimeDirectory)
                .Select(path => MetadataReference.CreateFromFile(path)),
        ];
    });

    /// <summary>
    /// Errors and warnings of compiling <paramref name="source"/> against nano mscorlib, emit included: some
    /// missing runtime types (the async method builders) are only looked up when the IL is generated.
    /// </summary>
    public static ImmutableArray<Diagnostic> NanoDiagnostics(string source) =>
        [
            .. Compile(source, NanoReferences.Value).Emit(Stream.Null).Diagnostics
                .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning),
        ];

    /// <summary>Compiles against nano mscorlib (which must succeed) and checks the image.</summary>
    public static IReadOnlyList<NanoViolation> CheckOnNano(string source) => EmitAndCheck(Compile(source, NanoReferences.Value));

    /// <summary>Compiles against the desktop runtime (which must succeed) and checks the image.</summary>
    public static IReadOnlyList<NanoViolation> CheckOnDesktop(string source) => EmitAndCheck(Compile(source, DesktopReferences.Value));

    private static CSharpCompilation Compile(string source, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            "EdgeCity.Firmware.Probe",
            [
                CSharpSyntaxTree.ParseText(
                    source,
                    new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: ["NANOFRAMEWORK_1_0"]),
                    SourcePath,
                    Encoding.UTF8),
            ],
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Compiles against nano mscorlib (which must succeed); the assembly image and its portable PDB.</summary>
    public static (byte[] Image, byte[] Pdb) EmitForNano(string source) => Emit(Compile(source, NanoReferences.Value));

    private static IReadOnlyList<NanoViolation> EmitAndCheck(CSharpCompilation compilation)
    {
        (byte[] image, byte[] pdb) = Emit(compilation);
        return NanoAssemblyChecker.Check(new MemoryStream(image), new MemoryStream(pdb));
    }

    private static (byte[] Image, byte[] Pdb) Emit(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        EmitResult result = compilation.Emit(image, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));

        Assert.True(
            result.Success,
            "The probe does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (image.ToArray(), pdb.ToArray());
    }
}
