using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// The scales a frame is read at, in turn, until one reads a plate. Every pixel threshold of the pipeline was set on
/// 1280×720 frames with plates 60–290 px wide (characters ~7–21 px tall where <see cref="LineSource"/> searches, half
/// resolution), a range of about a factor of three around a street camera's plates. A photograph's plate can be any
/// size: 100 px in a 576×432 photo, 1,000 px in a phone's 4032×3024 close-up. A frame of more rows is first read at
/// 720 (<see cref="SetOnRows"/>: the same street seen by a camera of more pixels); a frame under 480 rows (which the
/// search sees at its own resolution, where a larger one is halved) is first read at twice its size, so that its plates
/// are read — warped, their bodies and far characters looked for — at the size the reading was set on, while the rows
/// are found in nearly the same pixels (the doubled frame, halved again). Halving the frame then brings a plate whose
/// characters are too large for the search (their strokes wider than its local means, hollowed out into rings) down
/// one octave, each level costing a quarter of the one before; the frame's own pixels, where the first level was
/// resampled down, are read last (far plates).
/// </summary>
internal static class ReadingScales
{
    /// <summary>
    /// Fewest rows of a level (px): a plate filling the width of a 4:3 frame of 120 rows is ~160 px wide, the upper end
    /// of the plates the search finds at its own resolution; a coarser level would hold only plates too small to read.
    /// </summary>
    public const int MinLevelRows = 120;

    /// <summary>
    /// Tallest characters of the plates the search was set on, px where it searches: a 290-px single-line plate's
    /// digits are ~22 px tall at half resolution, a 190-px two-line plate's main line ~24.
    /// </summary>
    public const int MaxSearchedCharacterPx = 24;

    /// <summary>
    /// Rows of the frames every pixel threshold was set on (1280×720). A camera of more pixels framing the same street
    /// sees the same plates larger by its rows / 720: a 1920×1080 camera's are 90–435 px, their characters up to ~33 px
    /// where it searches — beyond the search's range (<see cref="MaxSearchedCharacterPx"/>) and the second look's window
    /// sizes, yet under the 12 px the halved level reads. A frame of more rows is first read resampled to this many
    /// (1920×1080 as 1280×720, 4032×3024 as 960×720): its plates at the size the reading was set on.
    /// </summary>
    public const int SetOnRows = 720;

    /// <summary>
    /// The levels of <paramref name="frame"/> in the order they are read: the first (<see cref="FirstFactor"/>); then
    /// the frame's octaves (itself, halved, quartered, … down to <see cref="MinLevelRows"/>) whose search is coarser
    /// than the level read before (their rows too large for it only, no second look); then, where the first level was
    /// resampled down, the octaves finer than it, nearest first, up to the frame itself (their rows within the search's
    /// range only: a far plate's detail). An octave whose search would see the image of the level before it, or one
    /// finer (a level under 480 rows is searched at its own resolution, a larger one at half of its own), is left out:
    /// it would find the same rows, read at a coarser size.
    /// </summary>
    public static IEnumerable<ReadingLevel> Levels(Size frame)
    {
        double first = FirstFactor(frame);
        if (frame.Height / first < MinLevelRows) yield break;
        yield return new ReadingLevel(first, ReadingLevel.RowsOf.All);
        List<double> octaves = [.. Octaves(frame)];
        double searched = Search(frame, first);
        foreach (double factor in octaves.Where(f => f > first))
        {
            double search = Search(frame, factor);
            if (search <= searched) continue;
            yield return new ReadingLevel(factor, ReadingLevel.RowsOf.TooLargeBefore, searched);
            searched = search;
        }

        foreach (double factor in octaves.Where(f => f < first).Reverse())
        {
            if (factor == 1 || Search(frame, factor) * MinFinerSearchStep <= Search(frame, first)) yield return new ReadingLevel(factor, ReadingLevel.RowsOf.WithinRange);
        }
    }

    /// <summary>
    /// The down-scaling factor of <paramref name="frame"/>'s first level: 0.5 under 480 rows (doubled: its plates read
    /// at the size the reading was set on, its rows found in nearly the same pixels, the doubled frame halved again), 1
    /// up to <see cref="SetOnRows"/> (as it is), above that rows / <see cref="SetOnRows"/>.
    /// </summary>
    internal static double FirstFactor(Size frame) =>
        frame.Height > SetOnRows ? frame.Height / (double)SetOnRows : frame.Height < LineSource.HalvedSearchMinRows ? 0.5 : 1;

    // The frame's octaves: 1, 2, 4, … while a level keeps MinLevelRows.
    private static IEnumerable<double> Octaves(Size frame)
    {
        for (double factor = 1; frame.Height / factor >= MinLevelRows; factor *= 2) yield return factor;
    }

    // The factor a level of factor is searched at (LineSource halves a level of 480 rows or more).
    private static double Search(Size frame, double factor) => factor * (frame.Height / factor >= LineSource.HalvedSearchMinRows ? 2 : 1);

    // How much finer a finer level's search must be than the first's to be read (the frame itself always is): 4032×3024's
    // 1008×756 octave is searched at nearly the first level's resolution (1/8 against 1/8.4), 2016×1512 is not.
    private const double MinFinerSearchStep = 1.4;

    /// <summary>Whether a row of <paramref name="heightPx"/> (px of the level, of <paramref name="size"/>, <see cref="TextLine.MeanHeight"/>) is read at <paramref name="level"/>.</summary>
    public static bool Reads(ReadingLevel level, Size size, float heightPx) => level.Rows switch
    {
        ReadingLevel.RowsOf.TooLargeBefore => heightPx >= MinCoarseRowHeightPx(level),
        ReadingLevel.RowsOf.WithinRange => heightPx <= MaxSearchedCharacterPx * (size.Height >= LineSource.HalvedSearchMinRows ? 2 : 1),
        _ => true,
    };

    /// <summary>
    /// Whether a row that may be a two-line plate's both lines glued (<see cref="TwoLinePlate.MayBeBothLines"/>) is read
    /// as such at <paramref name="level"/>: where its main line (<see cref="TwoLinePlate.MainLineOfBoth"/>, ~0.58 of the
    /// row) is read there (<see cref="Reads"/>). At a coarser level a row of 12–20 px holds a main line under 12 px, twice
    /// as tall in the level before and so within that search's range, where the plate's lines were found and read — as
    /// rows of their own, or glued as here.
    /// </summary>
    public static bool ReadsBothLines(ReadingLevel level, Size size, TextLine both) =>
        Reads(level, size, TwoLinePlate.MainLineOfBoth(both).MeanHeight);

    /// <summary>
    /// Lowest row (px of the level, <see cref="TextLine.MeanHeight"/>) a level after the first reads: rows whose
    /// characters were beyond <see cref="MaxSearchedCharacterPx"/> in the search of the level before (12 px in a level
    /// searched at its own resolution after one searched at twice it: a 320×180 copy after 1280×720). A smaller row was
    /// searched and read at a finer resolution already; read again from a coarser copy it is only a worse look at the
    /// same plate (a stacked name, 충남, read 전남 from a 320×180 copy).
    /// </summary>
    public static float MinCoarseRowHeightPx(ReadingLevel level) => (float)(MaxSearchedCharacterPx * level.SearchBefore / level.Factor);
}
