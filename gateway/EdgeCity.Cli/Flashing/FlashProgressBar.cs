using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCity.Cli.Flashing;

/// <summary>
/// A progress bar over the whole flash, fed by the percentages nanoff (and esptool under it) print while writing
/// flash: on a terminal one line redrawn in place; when the output is a file or a pipe, a line at each quarter of
/// a step so a log stays short.
/// </summary>
public sealed partial class FlashProgressBar(TextWriter writer, int steps, bool interactive)
{
    private const int Width = 30;
    private int _lastQuarter = -1;
    private int _step = -1;

    /// <summary>True when the console's output is a terminal (a person is watching).</summary>
    public static bool ConsoleIsInteractive => !Console.IsOutputRedirected;

    /// <summary>Starts step <paramref name="stepIndex"/> (0-based).</summary>
    public void BeginStep(int stepIndex)
    {
        _step = stepIndex;
        _lastQuarter = -1;
    }

    /// <summary>Reads a line of nanoff's output; draws the bar when it carries a percentage.</summary>
    /// <returns>True when the line was a progress line (on a terminal it is then not printed again).</returns>
    public bool Observe(string line)
    {
        Match match = Percent().Match(line);
        if (!match.Success || _step < 0)
        {
            return false;
        }

        int percent = Math.Min(100, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        double overall = (_step + percent / 100.0) / steps;
        int filled = (int)Math.Round(overall * Width);
        string bar = $"[{new string('#', filled)}{new string('.', Width - filled)}] {overall * 100,3:0} %  (step {_step + 1}/{steps}: {percent} %)";
        lock (writer)
        {
            if (interactive)
            {
                writer.Write("\r      " + bar + (percent == 100 ? Environment.NewLine : ""));
            }
            else if (percent / 25 > _lastQuarter)
            {
                _lastQuarter = percent / 25;
                writer.WriteLine("      " + bar);
            }
        }

        return interactive;
    }

    [GeneratedRegex(@"(?<![\d.])(\d{1,3})\s?%")]
    private static partial Regex Percent();
}
