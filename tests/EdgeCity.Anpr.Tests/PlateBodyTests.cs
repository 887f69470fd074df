using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A plate's body found around a row holding only part of its text (<see cref="PlateBody"/>), and plates the benchmark
/// lost that the body's text line reads (<see cref="PlateBodyRows"/>). Bench scenes, seed <see cref="BenchScenes.Seed"/>.
/// </summary>
public class PlateBodyTests
{
    /// <summary>
    /// A light plate body (a 4.7:1 quadrilateral, or 1.9:1 for a two-line plate, its top edge sloping 0.05, its bottom 0.08: turned and rolled) on a dark
    /// car, dark character blocks on it, blurred horizontally as a crossing car is; the row handed in covers only the
    /// middle three characters and is too short (the glued row of a blurred plate).
    /// </summary>
    private static Mat Plate(int bodyGrey, int carGrey, bool twoLine)
    {
        var frame = new Mat(240, 400, MatType.CV_8UC1, new Scalar(carGrey));
        // The top line y = 95 + 0.05x, the bottom y = 128 + 0.08x (a two-line plate's 175 + 0.08x) over x 100–262.
        const int right = 262;
        float topAt(float x) => 95 + (0.05f * x);
        float bottomAt(float x) => (twoLine ? 175 : 128) + (0.08f * x);
        Point[] body = [new(100, (int)MathF.Round(topAt(100))), new(right, (int)MathF.Round(topAt(right))), new(right, (int)MathF.Round(bottomAt(right))), new(100, (int)MathF.Round(bottomAt(100)))];
        Cv2.FillConvexPoly(frame, body, new Scalar(bodyGrey), LineTypes.AntiAlias);
        int ink = bodyGrey > carGrey ? 30 : 230;
        float lineTop = twoLine ? 0.44f : 0.15f, lineBottom = twoLine ? 0.9f : 0.85f;
        for (int x = 110; x + 14 < right - 6; x += 21)
        {
            float t = topAt(x), b = bottomAt(x);
            Cv2.Rectangle(frame, new Rect(x, (int)(t + (lineTop * (b - t))), 14, (int)((lineBottom - lineTop) * (b - t))), new Scalar(ink), -1);
        }

        Cv2.GaussianBlur(frame, frame, new Size(9, 1), 2.0, 0.01);
        return frame;
    }

    [Theory]
    [InlineData(16)] // 07하1176, motion-blurred
    [InlineData(72)] // 928하0945
    [InlineData(125)] // 충북81아6999
    public void The_pruned_edge_search_finds_the_bodies_the_exhaustive_one_does(int scene)
    {
        // Every row of the frame (most are no plate's): the bodies around each, with every candidate edge line scored to
        // the end and with the lines that cannot reach a peak stopped early (PlateBodyEdges.Find), the same to the last bit.
        var (frame, _) = BenchScenes.Load(scene);
        using (frame)
        {
            using var grey = new Mat();
            Cv2.CvtColor(frame, grey, ColorConversionCodes.BGR2GRAY);
            int bodies = 0;
            foreach (TextLine row in LineSource.Find(grey, null, lightText: true))
            {
                List<PlateBody> exhaustive = PlateBody.Find(grey, row, exhaustive: true);
                Assert.Equal(exhaustive, PlateBody.Find(grey, row));
                Assert.Equal(exhaustive.Select(b => b.Score), PlateBody.Find(grey, row).Select(b => b.Score));
                bodies += exhaustive.Count;
            }

            Assert.True(bodies > 0, "no body around any row");
        }
    }

    [Theory]
    [InlineData(200, 60, false)] // a white plate on a dark car
    [InlineData(90, 190, false)] // a green plate (light text) on a light car
    [InlineData(200, 60, true)] // a two-line plate
    public void A_plates_body_is_found_around_a_row_of_part_of_its_text(int bodyGrey, int carGrey, bool twoLine)
    {
        using Mat frame = Plate(bodyGrey, carGrey, twoLine);
        // A row of three characters in the middle of the text line, 0.8 of the true character height.
        float x0 = 150, x1 = 205;
        float Top(float x) => 95 + (0.05f * x);
        float Bottom(float x) => (twoLine ? 175 : 128) + (0.08f * x);
        float mid = (x0 + x1) / 2, t = Top(mid), b = Bottom(mid);
        float centre = t + ((twoLine ? 0.67f : 0.5f) * (b - t)), h = 0.8f * (twoLine ? 0.46f : 0.7f) * (b - t);
        var row = new TextLine(bodyGrey > carGrey, x0, x1, centre - (h / 2) - (0.06f * mid), 0.06f, centre + (h / 2) - (0.06f * mid), 0.06f, 3);

        List<PlateBody> found = PlateBody.Find(frame, row);

        Assert.True(found.Count > 0, "no body found");
        PlateBody body = found[0];
        string seen = $"found {body.Left:F1}-{body.Right:F1}, top {body.Top(110):F1}/{body.Top(160):F1} bottom {body.Bottom(110):F1}/{body.Bottom(160):F1} of {found.Count}";
        Assert.True(twoLine == body.TwoLine && (bodyGrey > carGrey) == body.DarkText, seen);
        Assert.True(body.Left is >= 98 and <= 103 && Math.Abs(body.Right - 262) <= 3, seen);
        foreach (float x in new[] { 110f, 160f })
        {
            Assert.True(Math.Abs(body.Top(x) - Top(x)) <= 1 && Math.Abs(body.Bottom(x) - Bottom(x)) <= 1, seen);
        }
    }

    [Theory]
    [InlineData(200, 300, 100, 125)] // the row's middle past the frame's right edge (the plate runs off it at 240)
    [InlineData(150, 230, 0, 6)] // a row on the frame's top edge
    [InlineData(150, 230, 234, 240)] // on its bottom edge
    [InlineData(-60, 10, 100, 125)] // past its left edge
    public void A_row_at_or_past_the_frames_edge_finds_no_body_and_no_error(float x0, float x1, float top, float bottom)
    {
        // A plate cut by the frame's right edge: no end of its body there to walk to, so no plate-shaped body.
        using Mat whole = Plate(200, 60, false);
        using var frame = new Mat(whole, new Rect(0, 0, 240, 240));
        var row = new TextLine(true, x0, x1, top, 0, bottom, 0, 3);

        Assert.Empty(PlateBody.Find(frame, row));
    }

    [Fact]
    public void A_frame_smaller_than_a_plate_finds_no_body()
    {
        using var frame = new Mat(12, 16, MatType.CV_8UC1, new Scalar(200));
        Assert.Empty(PlateBody.Find(frame, new TextLine(true, 2, 14, 3, 0, 9, 0, 3)));
    }

    [Fact]
    public void No_body_is_found_where_the_light_region_is_not_plate_shaped()
    {
        // A light square (a sign, a window) around the same row: as tall as wide, no plate's aspect.
        using var frame = new Mat(240, 400, MatType.CV_8UC1, new Scalar(60));
        Cv2.Rectangle(frame, new Rect(100, 60, 110, 110), new Scalar(200), -1);
        for (int x = 110; x < 200; x += 21) Cv2.Rectangle(frame, new Rect(x, 100, 14, 25), new Scalar(30), -1);
        var row = new TextLine(true, 130, 190, 100, 0, 125, 0, 3);

        Assert.Empty(PlateBody.Find(frame, row));
    }

    [Theory]
    // Motion-blurred plates whose rows held part of the text (warps crooked or at the wrong scale, segmentation of glued runs).
    [InlineData(1050, "19다6856")] // white, motion σ 2.0 px, turned 22°
    [InlineData(462, "930호9691")] // white, motion σ 1.2 px
    [InlineData(313, "경기73아1045")] // yellow two-line, motion σ 2.5 px, turned 27°
    // Sharp two-line plates whose rows missed the upper line or read only part of the main line.
    [InlineData(1163, "인천92부9585")] // green, sharp
    [InlineData(1211, "울산91사6493")] // yellow, sharp, turned 25°
    public void A_plate_whose_rows_hold_part_of_its_text_is_read_through_its_body(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Theory]
    // Rows on which a reader read only two or three characters (PlateBodyRows.MinTextRead): scenes of seeds no rule was tuned on.
    [InlineData(2, 844, "575부8863")] // blue, sharp, the row read 3 characters
    [InlineData(2, 577, "경남41사5009")] // yellow two-line, motion σ 2.5 px, turned 23°, the rows read 2
    [InlineData(3, 98, "대구16주6207")] // green two-line, sharp, turned 29°, the rows read 2
    [InlineData(3, 323, "제주68사9901")] // yellow stacked, sharp, turned 18°, the row read 2
    public void A_plate_whose_rows_read_two_or_three_characters_is_read_through_its_body(int seed, int scene, string text)
    {
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();
    }

    [Fact]
    public void A_body_found_twice_is_the_same_body()
    {
        var a = new PlateBody(true, false, 100, 260, 95, 0.05f, 130, 0.08f);
        Assert.True(a.SameAs(a with { Left = 101.5f, TopIntercept = 96 }));
        Assert.False(a.SameAs(a with { BottomIntercept = 134 }));
        Assert.False(a.SameAs(a with { TwoLine = true }));
    }
}
