using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A Korean reading whose class Hangul stands where the line holds only a short stroke: a phone number's dash read as a
/// syllable (010-9876-5432 read 876부5432, the network's 부 on the dash between 9876 and 5432). Every Hangul syllable of
/// a plate fills the character height, its parts stacked (ㅂ over ㅜ); a dash is a bar across the middle. Two tests,
/// both needed: the glyph reader's own cut of the line (every box however short) under the syllable's centre spans
/// under <see cref="MaxDashHeight"/> of a character, and the line's ink in the syllable's columns stays out of the top
/// and bottom <see cref="EmptyZone"/> of the character band — where a syllable blurred or cut into pieces still has ink.
/// Where nothing lies under the centre (the network's place between characters) or a glued run does, it says nothing.
/// </summary>
internal static class DashForSyllable
{
    /// <summary>The most a dash's boxes span, as a share of the character height: a syllable spans ~0.9 of it and more.</summary>
    public const double MaxDashHeight = 0.4;

    /// <summary>The top and bottom shares of the character band a dash leaves without ink.</summary>
    public const double EmptyZone = 0.25;

    /// <summary>Whether <paramref name="reading"/>'s class Hangul is read on a short stroke of <paramref name="line"/>.</summary>
    public static bool Of(RectifiedLine line, LineReading reading)
    {
        if (reading.ClassSyllable is not { } syllable) return false;
        float centre = syllable.Box.CentreX;
        var under = GlyphSegmenter.SegmentMain(line, out double threshold, 0).Where(b => b.X - 1 <= centre && b.Right + 1 >= centre).ToList();
        if (under.Count == 0) return false;
        int top = under.Min(b => b.Y), bottom = under.Max(b => b.Y + b.Height);
        if (bottom - top >= MaxDashHeight * RectifiedLine.CharHeight) return false;
        const int h = RectifiedLine.CharHeight;
        int zone = (int)(EmptyZone * h), half = h / 4;
        int left = Math.Max(0, (int)centre - half), right = Math.Min(line.Width, (int)centre + half);
        if (right - left < 2) return false;
        int upperInk = InkIn(line, threshold, left, right, RectifiedLine.MainTop, RectifiedLine.MainTop + zone);
        int lowerInk = InkIn(line, threshold, left, right, RectifiedLine.MainBottom - zone, RectifiedLine.MainBottom);
        return upperInk == 0 && lowerInk == 0;
    }

    // The ink pixels (GlyphSegmenter.Ink: darker than the line's threshold) in columns [left, right) of rows [top, bottom).
    private static int InkIn(RectifiedLine line, double threshold, int left, int right, int top, int bottom)
    {
        using Mat band = GlyphSegmenter.Ink(line, threshold, top, bottom);
        using Mat zone = band[new Rect(left, 0, right - left, bottom - top)];
        return Cv2.CountNonZero(zone);
    }
}
