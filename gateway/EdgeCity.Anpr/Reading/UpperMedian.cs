namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The upper median of a few measurements (a line's character steps, slopes): the middle one in order, the upper of the
/// two middle ones for an even count — a value that was measured, never an average of two that may straddle a gap.
/// </summary>
internal static class UpperMedian
{
    /// <summary>The upper median of <paramref name="values"/> (one value or more).</summary>
    public static T Of<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
