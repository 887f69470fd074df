using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using EdgeCity.Cli.Benchmarks.AnprScaleBench;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The levels a read searched (<see cref="PlateRecognizer.LevelsRead"/>, <see cref="ReadingScales"/>), and what a level
/// without the second look leaves out. Bench scenes, seed <see cref="BenchScenes.Seed"/>.
/// </summary>
public sealed class LevelsReadTests
{
    [Fact]
    public void A_plate_read_at_the_frames_own_level_searches_no_coarser_one()
    {
        var (frame, truth) = BenchScenes.Load(30);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            Assert.Contains(truth.Plate.Text, recognizer.Read(frame).Select(r => r.Text));
            var (level, cpuMs) = Assert.Single(recognizer.LevelsRead);
            Assert.Equal(new ReadingLevel(1, ReadingLevel.RowsOf.All), level);
            Assert.True(cpuMs > 0, $"{cpuMs} ms");
        }
    }

    [Fact]
    public void A_close_up_too_large_for_the_frames_own_search_is_read_at_the_coarser_level()
    {
        // The same scene (충북95아3901) as a close-up, the plate 800 px wide in 1600×1200: its characters, ~64 px tall in
        // the half-resolution search, make no row that reads there; the 800×600 copy reads it.
        var (frame, truth) = BenchScenes.Load(30);
        using (frame)
        {
            ScenePresentation closeUp = ScenePresentation.All.Single(p => p.Name == "close-up 800px in 1600x1200");
            using Mat photo = Cv2.ImDecode(closeUp.Encode(frame, new Rect(truth.Box.Left, truth.Box.Top, truth.Box.Width, truth.Box.Height))!, ImreadModes.Color);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            Assert.Contains(truth.Plate.Text, recognizer.Read(photo).Select(r => r.Text));
            Assert.Equal([new(1, ReadingLevel.RowsOf.All), new(2, ReadingLevel.RowsOf.TooLargeBefore)], recognizer.LevelsRead.Select(l => l.Level));
        }
    }

    [Theory]
    [InlineData(14, false)] // its main line ~8 px: ~16 px in the level before, within that search's range
    [InlineData(24, true)] // its main line ~14 px: ~28 px there, too large for it
    public void A_coarser_level_reads_as_both_lines_of_a_two_line_plate_only_rows_whose_main_line_is_too_large_for_the_level_before(int rowPx, bool read)
    {
        var size = new Size(320, 180);
        // A row 2.1 times as long as tall (a two-line plate's text seen square on), five blobs.
        var both = new TextLine(true, 100, 100 + (2.1f * rowPx), 60, 0, 60 + rowPx, 0, 5);
        Assert.True(TwoLinePlate.MayBeBothLines(both));

        Assert.Equal(read, ReadingScales.ReadsBothLines(ReadingLevel.RowsOf.TooLargeBefore, size, both));
        // The rows themselves are read there (≥ 12 px), and at the frame's first level every row is read as both lines.
        Assert.True(ReadingScales.Reads(ReadingLevel.RowsOf.TooLargeBefore, size, both.MeanHeight));
        Assert.True(ReadingScales.ReadsBothLines(ReadingLevel.RowsOf.All, size, both));
    }

    [Fact]
    public void A_level_without_the_second_look_looks_for_no_windows_and_finds_the_same_rows()
    {
        // Bench scene 44: a yellow two-line plate 75 px wide, for which the half-resolution search opens a window (SecondLookTests).
        var (frame, _) = BenchScenes.Load(44);
        using (frame)
        {
            using var grey = new Mat();
            Cv2.CvtColor(frame, grey, ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            List<TextLine> rows = LineSource.Find(grey, null, lightText: true, windows);
            var none = new List<SecondLook.Window>();
            List<TextLine> rowsWithout = LineSource.Find(grey, null, lightText: true, none, secondLook: false);

            Assert.NotEmpty(windows);
            Assert.Empty(none);
            Assert.Equal(rows, rowsWithout);
        }
    }
}
