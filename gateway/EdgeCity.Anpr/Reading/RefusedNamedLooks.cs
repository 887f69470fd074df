using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network's readings of a stacked-region plate (a Hangul name before its tail, 서울53사3047) that a frame's lines
/// refused, with their frame boxes: a two-digit reading of that same tail at that place, reported from another line of the
/// frame whose warp began after the name, is the plate's tail, not a plate (seed 7's 194: ten looks read 서울53사3047 and
/// were refused for the name, four read 53사3047 and reported it). A name read wrongly is still a name's ink; the same rule
/// a wider warp applies to one line (<see cref="StackedNameRoom"/>), over the frame's lines.
/// </summary>
internal sealed class RefusedNamedLooks
{
    private readonly List<(Rect Box, string Text)> _looks = [];

    /// <summary>Forgets the last frame's looks.</summary>
    public void Clear() => _looks.Clear();

    /// <summary>Records <paramref name="text"/>, read at <paramref name="box"/> and refused (only one that begins with a name is ever a tail's reason).</summary>
    public void Add(Rect box, string text) => _looks.Add((box, text));

    /// <summary>Removes from <paramref name="candidates"/> the two-digit readings that are a refused named look's tail at its place.</summary>
    public void DropTails(List<PlateReading> candidates)
    {
        if (_looks.Count == 0) return;
        candidates.RemoveAll(c => c.Format == StackedNameRoom.TwoDigitFormat && _looks.Exists(l => IsNamedTail(l.Text, c.Text) && Overlaps(l.Box, c)));
    }

    // A region's two-syllable name before the tail (StackedNameRoom's test, at a name's length).
    private static bool IsNamedTail(string named, string tail) =>
        named.Length == tail.Length + 2 && StackedNameRoom.IsNamed(named, tail);

    // The tail's box lies mostly inside the named look's (at least half of the tail's area).
    private static bool Overlaps(Rect box, PlateReading c)
    {
        int w = Math.Min(box.Right, c.X + c.Width) - Math.Max(box.X, c.X);
        int h = Math.Min(box.Bottom, c.Y + c.Height) - Math.Max(box.Y, c.Y);
        return w > 0 && h > 0 && w * h >= 0.5 * c.Width * c.Height;
    }
}
