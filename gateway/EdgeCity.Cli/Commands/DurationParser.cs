using System.Globalization;

namespace EdgeCity.Cli.Commands;

/// <summary>Reads durations as people type them: <c>20s</c>, <c>5m</c>, <c>1h</c>, <c>1500ms</c>, or plain seconds.</summary>
public static class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = "";
        string t = text.Trim().ToLowerInvariant();
        (string number, double unitSeconds) = t switch
        {
            _ when t.EndsWith("ms", StringComparison.Ordinal) => (t[..^2], 0.001),
            _ when t.EndsWith('s') => (t[..^1], 1.0),
            _ when t.EndsWith('m') => (t[..^1], 60.0),
            _ when t.EndsWith('h') => (t[..^1], 3600.0),
            _ => (t, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0 || double.IsInfinity(value))
        {
            error = $"'{text}' is not a duration (expected a positive number with s, m, h or ms, e.g. 20s)";
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unitSeconds);
        return true;
    }
}
