using EdgeCity.Anpr.Detection;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A light plate's body taken for a row of light text (Korea, where rows of both polarities are searched): a white or
/// yellow plate on a darker car is lighter than everything around it, and at half resolution its body, its dark text too
/// small or too glued to the ink test's halo around the plate to break it up, is one light component as wide as a few
/// characters — a "row" of light text whose refit runs through the body's pieces between the dark characters, so its
/// refined lines are the body's top and bottom edges (their slopes the plate's perspective). Its own warp, inverted,
/// reads nothing; the dark text line the plate's proportions put inside that body (<see cref="PlateBody.MainLine"/>) is
/// read as a plate body's is, only in a frame where no row read a plate.
/// </summary>
internal static class LightPlateBody
{
    /// <summary>
    /// The one body read a frame among <paramref name="bodies"/>: the one whose aspect is nearest a single-line plate's
    /// seen at a moderate yaw (<see cref="BestAspect"/>); null where there is none. Each body read costs a refit and up
    /// to three readings (the refit, its blurred second chance, the line as placed) in a frame that read nothing, where
    /// most light rows of that shape are a sign or a window: two a frame, each also read shifted ±0.5 px, cost those
    /// frames 59.9 → 73.1 ms median (seed 2, 500 scenes) for two gained plates of seven more than one.
    /// </summary>
    public static PlateBody? Best(IEnumerable<PlateBody> bodies) =>
        bodies.OrderBy(b => Math.Abs((b.Width / b.Height) - BestAspect)).FirstOrDefault();

    /// <summary>The middle of a single-line plate's aspects (<see cref="PlateBody.MinSingleAspect"/>…<see cref="PlateBody.MaxSingleAspect"/>): 4.7 seen at ~20° of yaw.</summary>
    public const float BestAspect = (PlateBody.MinSingleAspect + PlateBody.MaxSingleAspect) / 2;

    /// <summary>
    /// Whether the glyph classifier confirms the class Hangul of a reading on a light body's line (<paramref name="confirms"/>:
    /// whether it reads a label in a box, <see cref="Agrees"/>): the line is cut from the body by the plate's
    /// proportions, not placed through characters, and on a motion-blurred plate either reader's class Hangul there is
    /// a guess among look-alikes (무/우, 호/보) that the other reader does not share — the two false plates this reading
    /// made (blurred 1.5 and 1.7 px) were both a class Hangul misread. A region name or digit is not asked (each is read
    /// as on any row); a reading without the syllable's place is not confirmed.
    /// </summary>
    public static bool ClassHangulConfirmed(LineReading reading, Func<GlyphBox, string, bool> confirms) =>
        reading.Glyphs is { } glyphs
        && glyphs.Where(g => g.IsSyllable).ToList() is { Count: > 0 } syllables
        && syllables.All(g => g.Box.Width > 1 && confirms(g.Box, g.Label));

    /// <summary>
    /// Whether the glyph classifier's reading <paramref name="read"/> of a light body's class Hangul place agrees with the
    /// line network's <paramref name="label"/>: its first syllable there, and no coin toss with a look-alike
    /// (<see cref="ReadGlyph.Ambiguous"/>) — without <see cref="ReadGlyph.MinConfirmingProbability"/>'s floor. The body's
    /// line is blurred (1.6–3.4 px on the bench's light bodies) and the classifier, which learnt sharp cuts, gives any
    /// syllable little there: it read the network's sure 아 of 197아5258 (seed 7's 766) first at 0.28 and 호 of 521호6283
    /// (seed 10's 687) at 0.06, both refused under the floor. What it says of a misread is another first syllable or a tie
    /// — 170아3442 for 170어3442 (더 first), 198무1807 for 198우1807 (무 0.21 against 두 0.19), seed 6's two wrong texts
    /// this rule stopped — which is what a classifier that cannot see the syllable well still tells apart: which look-alike
    /// the ink is nearer, not how sure it is.
    /// </summary>
    public static bool Agrees(ReadGlyph read, string label) => read.Label == label && !read.Ambiguous;

    /// <summary>
    /// The light rows of a region searched for dark text only (the EU, <see cref="LineSource.FindLight"/>) that are refitted
    /// to see whether they are a plate's body: those whose own shape, as found at half resolution (the ink test's halo makes
    /// them taller than the body), is between <see cref="MinRowAspect"/> and <see cref="MaxRowAspect"/> times as wide as
    /// tall, nearest <see cref="BestRowAspect"/> first, at most <see cref="MaxRowsRefitted"/> (each refit costs a warp).
    /// </summary>
    public static IEnumerable<TextLine> LikelyRows(IEnumerable<TextLine> lightRows) =>
        lightRows.Where(r => !r.DarkText && r.MeanHeight > 0 && RowAspect(r) is >= MinRowAspect and <= MaxRowAspect)
            .OrderBy(r => Math.Abs(RowAspect(r) - BestRowAspect)).Take(MaxRowsRefitted);

    private static float RowAspect(TextLine row) => (row.Right - row.Left) / row.MeanHeight;

    /// <summary>
    /// A light plate's row, found at half resolution, is the body with the halo around it: 2.8–4.3 times as wide as tall
    /// on seeds 2–4's white EU plates on dark cars (plates 96–199 px, yaw to 27°); a little beyond that either way.
    /// </summary>
    public const float MinRowAspect = 2.4f, MaxRowAspect = 6f, BestRowAspect = 3.7f;

    /// <summary>Light rows refitted a frame (<see cref="LikelyRows"/>).</summary>
    public const int MaxRowsRefitted = 4;

    /// <summary>
    /// The single-line plate body that the light <paramref name="row"/>, refined to <paramref name="refined"/>, may be:
    /// null for a row of dark text, or one not refined, or one not of a single-line plate's aspect.
    /// </summary>
    public static PlateBody? Of(TextLine row, TextLine? refined)
    {
        if (row.DarkText || refined is null) return null;
        float height = refined.MeanHeight;
        if (height < 4) return null;
        float aspect = (refined.Right - refined.Left) / height;
        if (aspect < PlateBody.MinSingleAspect || aspect > PlateBody.MaxSingleAspect) return null;
        return new PlateBody(DarkText: true, TwoLine: false, refined.Left, refined.Right, refined.TopIntercept, refined.TopSlope, refined.BottomIntercept, refined.BottomSlope);
    }
}
