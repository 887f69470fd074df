namespace EdgeCity.NanoCheck;

/// <summary>
/// One construct in a compiled firmware assembly that the nanoFramework 1.x runtime cannot run.
/// </summary>
/// <param name="Member">The type or member that holds or uses the construct, e.g. <c>EdgeCity.Firmware.Foo.Bar&lt;T&gt;</c>.</param>
/// <param name="Problem">What the construct is and why the device cannot run it.</param>
public sealed record NanoViolation(string Member, string Problem)
{
    /// <summary>The MSBuild error code every violation is reported under.</summary>
    public const string ErrorCode = "NANO001";

    /// <summary>Source file of the member, from the portable PDB; null when no PDB or no source is known.</summary>
    public string? SourcePath { get; init; }

    /// <summary>1-based line of the member's first statement; 0 when only the file is known.</summary>
    public int Line { get; init; }

    /// <summary>1-based column of the member's first statement; 0 when only the file is known.</summary>
    public int Column { get; init; }

    /// <summary>The member and the problem, as one sentence.</summary>
    public string Message => $"{Member}: {Problem}";

    /// <summary>
    /// The violation in MSBuild's canonical error format (<c>file(line,col): error NANO001: message</c>), which
    /// <c>Exec</c> turns into a build error. <paramref name="assemblyPath"/> stands in when no source is known.
    /// </summary>
    public string ToMsBuildError(string assemblyPath)
    {
        if (SourcePath is null)
        {
            return $"{assemblyPath}: error {ErrorCode}: {Message}";
        }

        return Line > 0
            ? $"{SourcePath}({Line},{Column}): error {ErrorCode}: {Message}"
            : $"{SourcePath}: error {ErrorCode}: {Message}";
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
