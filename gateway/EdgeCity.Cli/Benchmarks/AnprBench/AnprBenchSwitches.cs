using System.Globalization;
using EdgeCity.Anpr.LineRecognition;

namespace EdgeCity.Cli.Benchmarks.AnprBench;

/// <summary>
/// The environment switches of <c>bench anpr</c> that change what it runs: <c>ANPR_LINE_READER</c> (another line reader
/// than the default) and <c>ANPR_SCENES</c> (only those scene numbers). Parsed before the run, so that a typo while
/// iterating is one line naming the switch, the value and what was expected — not a FormatException from inside the run,
/// nor a whole run of the wrong scenes.
/// </summary>
internal sealed record AnprBenchSwitches(LineReaderMode? LineReader, IReadOnlySet<int>? Scenes)
{
    /// <summary>Reads the switches through <paramref name="environment"/> (a variable's value, or null when unset).</summary>
    public static bool TryRead(Func<string, string?> environment, out AnprBenchSwitches switches, out string error)
    {
        switches = new AnprBenchSwitches(null, null);
        error = "";
        LineReaderMode? lineReader = null;
        if (environment("ANPR_LINE_READER") is { Length: > 0 } mode)
        {
            // Enum.TryParse alone would also take a number ("7") as a mode no reader has.
            if (!Enum.TryParse(mode, ignoreCase: true, out LineReaderMode parsed) || !Enum.IsDefined(parsed) || mode.Trim().All(char.IsAsciiDigit))
            {
                error = $"ANPR_LINE_READER: '{mode}' is not a line reader; expected one of {string.Join(", ", Enum.GetNames<LineReaderMode>())}";
                return false;
            }

            lineReader = parsed;
        }

        HashSet<int>? scenes = null;
        if (environment("ANPR_SCENES") is { Length: > 0 } list)
        {
            scenes = [];
            string[] items = list.Split(',');
            for (int i = 0; i < items.Length; i++)
            {
                string item = items[i].Trim();
                if (item.Length == 0) continue; // "330,857," or "330,,857": a stray comma names no scene
                if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int scene))
                {
                    error = $"ANPR_SCENES: item {i + 1} ('{item}') is not a scene number; expected scene numbers 0, 1, 2 … separated by commas, e.g. 330,857";
                    return false;
                }

                scenes.Add(scene);
            }
        }

        if (scenes is { Count: 0 })
        {
            error = $"ANPR_SCENES: '{environment("ANPR_SCENES")}' names no scene; expected scene numbers separated by commas, e.g. 330,857";
            return false;
        }

        switches = new AnprBenchSwitches(lineReader, scenes);
        return true;
    }
}
