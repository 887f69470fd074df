namespace EdgeCity.NanoCheck;

/// <summary>
/// The problem texts, one per construct the nanoFramework 1.x runtime cannot run. Each says what was found and
/// what the device lacks, so the build error is enough to act on.
/// </summary>
internal static class NanoRules
{
    private const string NoGenerics = "nanoFramework 1.x runs no generics";

    public const string GenericType = "generic type — " + NoGenerics;
    public const string GenericMethod = "generic method — " + NoGenerics;
    public const string RefStruct = "ref struct (by-ref-like type) — nanoFramework 1.x has no by-ref-like types; use a class, a plain struct or an array";
    public const string DefaultInterfaceMember = "interface member with a body (default interface member) — nano mscorlib lets it compile, but firmware does not rely on the 1.x interpreter dispatching it; implement it in the classes";
    public const string StaticVirtualInterfaceMember = "static abstract or static virtual interface member — nanoFramework 1.x has no static virtual dispatch";
    public const string VarArgs = "variable-argument (__arglist) method signature — nanoFramework 1.x has no varargs calling convention";
    public const string FunctionPointer = "function pointer type (delegate*) — nanoFramework 1.x has no function pointers; use a delegate";
    public const string Dynamic = "dynamic — nanoFramework 1.x has no dynamic language runtime";

    public static string GenericConstraint(string parameter, string constraint) =>
        $"constraint '{parameter} : {constraint}' on a generic parameter — {NoGenerics}";

    public static string GenericInstantiation(string instantiation) =>
        $"uses generic instantiation {instantiation} — {NoGenerics}";

    public static string GenericMethodInstantiation(string instantiation) =>
        $"calls generic method instantiation {instantiation} — {NoGenerics}";

    public static string MultidimensionalArray(string arrayType) =>
        $"uses multidimensional array {arrayType} — nanoFramework 1.x has only single-dimension arrays; use a jagged array or index arithmetic";

    public static string UnsupportedInstruction(string opcode, string source) =>
        $"IL instruction '{opcode}' ({source}) — not implemented by the nanoFramework 1.x interpreter";
}
