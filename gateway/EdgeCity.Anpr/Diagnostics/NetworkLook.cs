using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Diagnostics;

/// <summary>
/// One line network reading of a line the recognizer read (<see cref="PlateRecognizer.NetworkLooks"/>), with its frame box
/// and what the report's rules made of it: each rule that changed the line's reading (the network's, fused, or the one
/// chosen for the report) notes the text it left, or none. For <see cref="StageDiagnosis"/>: a plate the network read right
/// and that was not reported is lost to the last rule that took the reading away from the true text — the rule named in
/// the trace, where "right, but rejected" alone sent a human through a dozen rules.
/// </summary>
/// <param name="Box">The reading's box in the read level's pixels.</param>
/// <param name="Reading">What the network read (its class Hangul restored where it read a digit, before any other rule).</param>
internal sealed record NetworkLook(Rect Box, LineReading Reading)
{
    private readonly List<(string Rule, string? Text)> _steps = [];

    /// <summary>The line's reading after <paramref name="rule"/>: noted only where it changed (another text, or none).</summary>
    public void Note(string rule, LineReading? after)
    {
        if (after?.Text != Current) _steps.Add((rule, after?.Text));
    }

    /// <summary>
    /// A line's report <paramref name="reported"/> dropped or replaced by a rule after the line (<paramref name="rule"/>: a
    /// wider warp's choice, a plate body's test, suppression): noted where this look's line ended at that text.
    /// </summary>
    public void NoteAfterLine(string rule, string reported, string? after)
    {
        if (Current == reported && after != reported) _steps.Add((rule, after));
    }

    // The line's reading after the last rule noted.
    private string? Current => _steps.Count > 0 ? _steps[^1].Text : Reading.Text;

    /// <summary>
    /// Why <paramref name="truth"/>, read by the network, was not what this line reported: the last rule that took the line's
    /// reading from the true text, with what the line then held ("no rule (its line reported it)" where it ended there: the
    /// plate was lost after the line where no rule noted it, e.g. the halves of a two-line plate not paired).
    /// </summary>
    public string Fate(string truth)
    {
        string? current = Reading.Text, last = null;
        foreach ((string rule, string? text) in _steps)
        {
            if (current == truth && text != truth) last = text is null ? rule : $"{rule}→{text}";
            current = text;
        }

        return current == truth ? "no rule (its line reported it)" : last ?? "never the true text";
    }
}
