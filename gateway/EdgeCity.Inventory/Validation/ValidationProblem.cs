namespace EdgeCity.Inventory;

/// <summary>One thing wrong with a boards.json, with where it is and what was expected.</summary>
/// <param name="Kind">Which stage of validation found it.</param>
/// <param name="File">The file as it was named to the validator.</param>
/// <param name="Line">1-based line, or 0 when the problem is with the whole file (not found, unreadable).</param>
/// <param name="Column">1-based column in characters (not bytes), or 0 with <paramref name="Line"/>.</param>
/// <param name="Path">JSON path of the value, e.g. <c>$.bays[3].sensors[1].i2cAddress</c>; "$" for the root.</param>
/// <param name="Message">What is wrong, ending with what was expected in parentheses where that is not obvious.</param>
public sealed record ValidationProblem(
    ValidationProblemKind Kind, string File, int Line, int Column, string Path, string Message)
{
    /// <summary>
    /// One line in the compiler style editors understand:
    /// <c>boards.json:12:7: $.bays[3].lotId: lot 'x' does not exist (expected one of the ids in $.parkingLots)</c>,
    /// or <c>boards.json: file not found (…)</c> for a problem with the whole file.
    /// </summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Path}: {Message}" : $"{File}: {Message}";
}
