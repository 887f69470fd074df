using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Characters continuing a row in its first warp are judged on the line its characters' tops and bottoms run along
/// (<see cref="RowLean"/>), not on their median: a plate turned 25–30° away, whose row was found through part of its text,
/// shows its text leaning there, and its end characters were left out of the warp.
/// </summary>
public class RowLeanTests
{
    [Fact]
    public void A_plate_turned_away_is_warped_to_its_last_digit()
    {
        // 50가0310 (seed 4, white, 155 px, yaw −29°): on main the line network read 50자031 at most, the last 0 beyond the
        // warp. Its class Hangul stays the network's 자 (refused, rightly): the warp's extent is what this asserts.
        var (frame, truth) = BenchScenes.Load(579, seed: 4);
        using (frame)
        {
            Assert.Equal("50가0310", truth.Plate.Text);
            var plate = truth.Corners.Select(c => new Point2f(c.X, c.Y)).ToArray();
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var looks = recognizer.NetworkLooks(frame)
                .Where(l => Cv2.PointPolygonTest(plate, new Point2f(l.Box.X + (l.Box.Width / 2f), l.Box.Y + (l.Box.Height / 2f)), false) >= 0)
                .Select(l => l.Reading.Text).ToList();
            Assert.Contains(looks, t => t.StartsWith("50", StringComparison.Ordinal) && t.EndsWith("0310", StringComparison.Ordinal) && t.Length == 7);
        }
    }

    [Fact]
    public void A_stacked_plate_is_read_whole_not_its_tail() =>
        // 충남34자9627 (seed 4): main f60c66e reported its tail 34자9627 (a false plate) and lost the plate.
        BenchScenes.AssertReads(569, "충남34자9627", seed: 4).Frame.Dispose();

    [Fact]
    public void Level_characters_give_level_lines()
    {
        GlyphBox[] row = [new(0, 10, 20, 32), new(24, 11, 20, 32), new(48, 10, 20, 31), new(72, 10, 20, 32)];
        var (top, bottom) = RowLean.Of(row);
        Assert.Equal(10, top(200), 0.6);
        Assert.Equal(42, bottom(200), 0.6);
    }

    [Fact]
    public void Leaning_characters_give_their_lean_a_glued_one_does_not_turn()
    {
        // Tops and bottoms falling 0.1 px a px; the third character glued to a bolt below (its bottom 8 px low).
        GlyphBox[] row = [new(0, 10, 20, 32), new(24, 12, 20, 32), new(48, 15, 20, 40), new(72, 17, 20, 32), new(96, 20, 20, 32)];
        var (top, bottom) = RowLean.Of(row);
        Assert.Equal(0.1 * 100, top(150) - top(50), 1.0);
        Assert.Equal(0.1 * 100, bottom(150) - bottom(50), 1.0);
        Assert.Equal(42 + (0.1 * (150 - 10)), bottom(150), 0.15 * 32);
    }

    [Fact]
    public void Two_characters_give_their_median_level()
    {
        GlyphBox[] row = [new(0, 10, 20, 32), new(24, 14, 20, 32)];
        var (top, _) = RowLean.Of(row);
        Assert.Equal(top(0), top(500));
    }

    [Fact]
    public void The_lean_is_bounded()
    {
        GlyphBox[] row = [new(0, 0, 20, 32), new(24, 12, 20, 32), new(48, 24, 20, 32)];
        var (top, _) = RowLean.Of(row);
        Assert.Equal(RowLean.MaxSlope * 100, top(134) - top(34), 3);
    }
}
