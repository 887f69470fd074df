namespace EdgeCity.NanoCheck.Tests;

/// <summary>Assertions over a checker result that print every violation when they fail.</summary>
internal static class ViolationAssert
{
    public static NanoViolation Reported(IReadOnlyList<NanoViolation> violations, string member, string problemFragment)
    {
        NanoViolation? match = violations.FirstOrDefault(
            violation => violation.Member == member && violation.Problem.Contains(problemFragment, StringComparison.Ordinal));

        Assert.True(
            match is not null,
            $"Expected '{member}: …{problemFragment}…' among:\n" + Describe(violations));
        return match!;
    }

    public static void None(IReadOnlyList<NanoViolation> violations) =>
        Assert.True(violations.Count == 0, "Expected no violation, found:\n" + Describe(violations));

    private static string Describe(IReadOnlyList<NanoViolation> violations) =>
        violations.Count == 0 ? "  (none)" : string.Join("\n", violations.Select(violation => "  " + violation.Message));
}
