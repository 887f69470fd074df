namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Cuts a run of characters that horizontal motion blur glued together into characters, on a line whose strokes show
/// that blur (<see cref="RectifiedLine.MotionBlur"/>). A car crossing the view smears each character sideways into its
/// neighbours: the run is one component however it is thresholded, and the column with least ink (what
/// <see cref="GlyphSegmenter"/> cuts at on a sharp line) is as often inside a 0's counter as between two digits. Two
/// things blur leaves: the grey ink profile still dips between characters (the gap is lighter than a stroke, if no
/// longer white), and characters still follow one another at the plate's pitch, which is set by their height (a plate's
/// digits are drawn at a fixed aspect: about 0.6 of their height apart on Korean and EU plates). The cuts are chosen
/// together (dynamic programming over the run's columns): each at a column of little grey ink, the pieces between them
/// near that pitch — so a dip inside a character does not cut it when no piece of a character's width would be left,
/// and the number of pieces follows from the run's width instead of from where the deepest dips happen to be. A
/// Hangul (about 1.5 digit widths) may come out in two pieces; the layouts read the boxes between the digit groups as
/// one syllable, as they do its side-by-side parts (가 is ㄱ and ㅏ).
/// </summary>
internal static class BlurredRunCutter
{
    /// <summary>Character pitch as a fraction of the run's height (digits of Korean and EU plates: 0.57–0.72, median 0.64, measured on bench lines read with confidence ≥ 0.9).</summary>
    private const double PitchPerHeight = 0.64;

    /// <summary>Narrowest piece, in pitches (a 1, or half a Hangul).</summary>
    private const double MinPiece = 0.5;

    /// <summary>Widest piece, in pitches (a Hangul with blur on both sides).</summary>
    private const double MaxPiece = 1.6;

    /// <summary>Weight of a piece's squared relative deviation from the pitch, against a cut's ink (0 at the run's lightest column, 1 at its darkest).</summary>
    private const double WidthWeight = 1.5;

    /// <summary>
    /// The pieces of <paramref name="box"/> (a glued run in <paramref name="line"/>'s pixels), each shrunk to its ink's
    /// rows by <paramref name="trim"/>; the box alone when it is narrower than two of the narrowest pieces.
    /// </summary>
    public static List<GlyphBox> Cut(RectifiedLine line, GlyphBox box, Func<GlyphBox, GlyphBox> trim)
    {
        double pitch = PitchPerHeight * box.Height;
        int minPiece = Math.Max(2, (int)Math.Round(MinPiece * pitch)), maxPiece = Math.Max(minPiece + 1, (int)Math.Round(MaxPiece * pitch));
        int w = box.Width;
        if (w < 2 * minPiece) return [box];

        // Grey ink of each column over the run's rows, scaled to 0 (its lightest column) … 1 (its darkest).
        var ink = new double[w];
        ReadOnlySpan<byte> g = line.Grey.AsSpan<byte>();
        int stride = line.Width;
        for (int x = 0; x < w; x++)
        {
            int sum = 0;
            for (int y = box.Y; y < box.Bottom; y++) sum += 255 - g[(y * stride) + box.X + x];
            ink[x] = sum;
        }

        double lo = ink.Min(), hi = ink.Max();
        for (int x = 0; x < w; x++) ink[x] = hi > lo ? (ink[x] - lo) / (hi - lo) : 0;

        // best[e]: least cost of cutting columns [0, e) into pieces, the last ending at e (a cut just before column e).
        var best = new double[w + 1];
        var from = new int[w + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        for (int e = minPiece; e <= w; e++)
        {
            double cut = e == w ? 0 : ink[e];
            for (int s = Math.Max(0, e - maxPiece); s <= e - minPiece; s++)
            {
                if (double.IsPositiveInfinity(best[s])) continue;
                double d = (e - s - pitch) / pitch;
                double cost = best[s] + cut + (WidthWeight * d * d);
                if (cost < best[e])
                {
                    best[e] = cost;
                    from[e] = s;
                }
            }
        }

        if (double.IsPositiveInfinity(best[w])) return [box];
        var cuts = new List<int>();
        for (int e = w; e > 0; e = from[e]) cuts.Add(e);
        cuts.Add(0);
        cuts.Reverse();
        var pieces = new List<GlyphBox>(cuts.Count - 1);
        for (int i = 1; i < cuts.Count; i++) pieces.Add(trim(new GlyphBox(box.X + cuts[i - 1], box.Y, cuts[i] - cuts[i - 1], box.Height)));
        return pieces;
    }
}
