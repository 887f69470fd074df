using System.Text;

namespace EdgeCity.Cli.Flashing;

/// <summary>One run of nanoff: what it does, for the progress line, and its arguments.</summary>
/// <param name="Description">What the step does, e.g. "flash the nanoFramework runtime (ESP32_REV3)".</param>
/// <param name="Arguments">nanoff's arguments, unquoted.</param>
public sealed record NanoffStep(string Description, IReadOnlyList<string> Arguments)
{
    /// <summary>The command line as a technician would type it in a POSIX shell (arguments quoted when needed).</summary>
    public string CommandLine
    {
        get
        {
            var line = new StringBuilder("nanoff");
            foreach (string arg in Arguments)
            {
                line.Append(' ').Append(Quote(arg));
            }

            return line.ToString();
        }
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@+,".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
