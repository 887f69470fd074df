using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A rectified line the other way round. A row of the whole plate's body — a white plate lighter than the car around
/// it is a light blob about a character tall, and a blurred plate's glued characters make no row of their own — is
/// warped as light text is, inverted: the plate's body is then dark and its characters light on it. The line network
/// learnt such rows and reads them; the glyph classifier knows only dark glyphs on light.
/// </summary>
internal static class InkPolarity
{
    /// <summary>A copy of <paramref name="line"/> with its grey levels inverted (dispose it).</summary>
    public static RectifiedLine Inverted(RectifiedLine line)
    {
        var grey = new Mat();
        Cv2.BitwiseNot(line.Grey, grey);
        return new RectifiedLine(grey, line.ToFrame.Clone()) { MotionBlur = line.MotionBlur, LeftExtension = line.LeftExtension, RightExtension = line.RightExtension };
    }

    /// <summary>
    /// Whether <paramref name="line"/> shows the characters centred at <paramref name="centres"/> (px of the line, left
    /// to right, at least two) light on a darker ground: its main band is lighter, on the mean, in the columns through
    /// the characters' centres than in those halfway between them. A stroke crosses a character's middle column (the
    /// bar of a 0, 8 or 가 at least) while the gap between two characters is ground only, so on a line of dark
    /// characters the centres are the darker columns — also under motion blur, which softens the difference but does not
    /// turn it. On a row of the plate's body warped inverted the ground is the dark body, and the segmenter's dark boxes
    /// there are the body's pieces between and beside the characters, not the characters.
    /// </summary>
    public static bool CharactersLight(RectifiedLine line, IReadOnlyList<double> centres)
    {
        if (centres.Count < 2) return false;
        double through = 0, between = 0;
        for (int k = 0; k < centres.Count; k++)
        {
            through += ColumnMean(line, centres[k]);
            if (k > 0) between += ColumnMean(line, (centres[k - 1] + centres[k]) / 2);
        }

        return through / centres.Count > between / (centres.Count - 1);
    }

    // The mean grey of the main band's three columns around x.
    private static double ColumnMean(RectifiedLine line, double x)
    {
        int c = Math.Clamp((int)Math.Round(x), 1, line.Width - 2);
        using Mat columns = line.Grey[new Rect(c - 1, RectifiedLine.MainTop, 3, RectifiedLine.CharHeight)];
        return Cv2.Mean(columns).Val0;
    }
}
