using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// The scales a frame is read at, in turn, until one reads a plate: a pyramid in octaves. Every pixel threshold of the
/// pipeline was set on plates 60–290 px wide (characters ~7–21 px tall where <see cref="LineSource"/> searches, half
/// resolution), a range of about a factor of three around a street camera's plates. A photograph's plate can be any
/// size: 100 px in a 576×432 photo, 1,000 px in a phone's 4032×3024 close-up. Halving the frame brings a plate whose
/// characters are too large for the search (their strokes wider than its local means, hollowed out into rings) down
/// one octave, each level costing a quarter of the one before; a frame under 480 rows (which the search sees at its own
/// resolution, where a larger one is halved) is first read at twice its size, so that its plates are read — warped,
/// their bodies and far characters looked for — at the size the reading was set on, while the rows are found in nearly
/// the same pixels (the doubled frame, halved again).
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
    /// Rows of the read frame from which a large frame is first read halved (px): a 12-MP photo's own search (2016×1512,
    /// 3 MP) costs ~13 times a 1280×720 frame's, for plates under ~190 px, which a phone's photo of a car rarely holds.
    /// The first level is the coarsest with at least this many rows (2016×1512 of 4032×3024; 1920×1080 is read as it
    /// is); the finer ones are read last, where no other level read a plate, and only their rows within the search's
    /// range (<see cref="MaxSearchedCharacterPx"/>: the larger ones were the coarser levels').
    /// </summary>
    public const int FirstLevelMinRows = 1080;

    /// <summary>
    /// The levels of <paramref name="frame"/> in the order they are read: the first (<see cref="FirstLevelMinRows"/>),
    /// the coarser ones (their rows too large for the level before only, no second look), then the finer ones, nearest
    /// first (their rows within the search's range only).
    /// </summary>
    public static IEnumerable<ReadingLevel> Levels(Size frame)
    {
        List<double> octaves = [.. Factors(frame)];
        int first = 0;
        while (first + 1 < octaves.Count && frame.Height / octaves[first + 1] >= FirstLevelMinRows) first++;
        for (int i = first; i < octaves.Count; i++) yield return new ReadingLevel(octaves[i], i > first ? ReadingLevel.RowsOf.TooLargeBefore : ReadingLevel.RowsOf.All);
        for (int i = first - 1; i >= 0; i--) yield return new ReadingLevel(octaves[i], ReadingLevel.RowsOf.WithinRange);
    }

    /// <summary>Whether a row of <paramref name="heightPx"/> (px of a level of <paramref name="level"/>'s size, <see cref="TextLine.MeanHeight"/>) is read there.</summary>
    public static bool Reads(ReadingLevel.RowsOf rows, Size level, float heightPx)
    {
        float search = level.Height >= LineSource.HalvedSearchMinRows ? 2 : 1;
        return rows switch
        {
            ReadingLevel.RowsOf.TooLargeBefore => heightPx >= MinCoarseRowHeightPx(level),
            ReadingLevel.RowsOf.WithinRange => heightPx <= MaxSearchedCharacterPx * search,
            _ => true,
        };
    }

    /// <summary>
    /// Whether a row that may be a two-line plate's both lines glued (<see cref="TwoLinePlate.MayBeBothLines"/>) is read
    /// as such at a level whose rows are <paramref name="rows"/>: where its main line (<see cref="TwoLinePlate.MainLineOfBoth"/>,
    /// ~0.58 of the row) is read there (<see cref="Reads"/>). At a coarser level a row of 12–20 px holds a main line under
    /// 12 px, twice as tall in the level before and so within that search's range, where the plate's lines were found and
    /// read — as rows of their own, or glued as here.
    /// </summary>
    public static bool ReadsBothLines(ReadingLevel.RowsOf rows, Size level, TextLine both) =>
        Reads(rows, level, TwoLinePlate.MainLineOfBoth(both).MeanHeight);

    /// <summary>
    /// Lowest row (px of the level, <see cref="TextLine.MeanHeight"/>) a level after the first reads: rows whose
    /// characters, twice as tall in the level before, were beyond <see cref="MaxSearchedCharacterPx"/> there. A smaller
    /// row was searched and read at twice the resolution already; read again from a coarser copy it is only a worse
    /// look at the same plate (a stacked name, 충남, read 전남 from a 320×180 copy).
    /// </summary>
    public static float MinCoarseRowHeightPx(Size level) =>
        MaxSearchedCharacterPx / 2f * (level.Height >= LineSource.HalvedSearchMinRows ? 2 : 1);

    /// <summary>
    /// The down-scaling factors of <paramref name="frame"/>'s octaves, finest first (0.5: read at twice the size; 1: as
    /// it is; 2, 4, …: halved, quartered, … down to <see cref="MinLevelRows"/>). A level whose search would see the same
    /// image as the level before it (a level under 480 rows is searched at its own resolution, the one before it at
    /// half of its own) is left out: it would find the same rows, read at a coarser size.
    /// </summary>
    internal static IEnumerable<double> Factors(Size frame)
    {
        double searched = 0;
        for (double factor = frame.Height < LineSource.HalvedSearchMinRows ? 0.5 : 1; frame.Height / factor >= MinLevelRows; factor *= 2)
        {
            double search = factor * (frame.Height / factor >= LineSource.HalvedSearchMinRows ? 2 : 1);
            if (search == searched) continue;
            searched = search;
            yield return factor;
        }
    }
}
