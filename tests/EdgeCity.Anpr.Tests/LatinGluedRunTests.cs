using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Three Latin capitals glued by blur and cut into two too-wide boxes, which both readers then read as two letters:
/// cut again into three (<see cref="LatinGluedRun"/>). Bench scenes of seeds 4 and 12 that were false plates a
/// character short, and the rule's geometry on a drawn line.
/// </summary>
public class LatinGluedRunTests
{
    [Theory]
    [InlineData(12, 315, "78MHH1", "78MH1")] // MHH glued: M 24 px and H 26 px wide beside digits 13–16 px
    [InlineData(4, 70, "35CUG1", "35CG1")] // CUG glued: C 25 px and G 26 px; the glyph reader alone
    public void Three_glued_capitals_are_read_as_three(int seed, int scene, string text, string short_)
    {
        var (frame, _) = BenchScenes.AssertReads(scene, text, "eu", seed: seed);
        frame.Dispose();
        BenchScenes.AssertDoesNotRead(scene, short_, "eu", seed: seed);
    }

    [Fact]
    public void A_glued_run_is_cut_at_its_thin_bridges_near_the_equal_width_places()
    {
        // Three 14-px blocks joined by 2-px-high bridges at columns 100–101 and 117–118 (not at the equal thirds, 100 and 117.3).
        using var line = Line((86, 14), (102, 15), (119, 14));
        var run = new GlyphBox(86, RectifiedLine.MainTop, 47, RectifiedLine.CharHeight);
        List<GlyphBox> cut = LatinGluedRun.Cut(line, 128, run, 3);
        Assert.Equal(3, cut.Count);
        Assert.InRange(cut[0].Right, 100, 102);
        Assert.InRange(cut[1].X, 100, 103);
        Assert.InRange(cut[1].Right, 117, 119);
        Assert.All(cut, p => Assert.InRange(p.Width, 13, 18));
    }

    [Fact]
    public void Two_parts_each_twice_a_characters_width_are_cut_into_three_where_all_read_surely()
    {
        using var line = Line((86, 14), (102, 15), (119, 14));
        List<GlyphBox> boxes = Boxes(line, out List<GlyphBox> uncut, out GlyphBox run);
        List<GlyphBox> recut = LatinGluedRun.Recut(line, 128, boxes, uncut, _ => 0.9f);
        Assert.Equal(boxes.Count + 1, recut.Count);
        Assert.Equal(boxes[0], recut[0]);
        Assert.Equal(boxes[^1], recut[^1]);
        Assert.All(recut.Skip(2).Take(3), p => Assert.True(p.X >= run.X && p.Right <= run.Right));
    }

    [Fact]
    public void A_part_the_classifier_doubts_keeps_the_old_cut()
    {
        using var line = Line((86, 14), (102, 15), (119, 14));
        List<GlyphBox> boxes = Boxes(line, out List<GlyphBox> uncut, out _);
        Assert.Same(boxes, LatinGluedRun.Recut(line, 128, boxes, uncut, b => b.X > 110 && b.Width < 20 ? 0.4f : 0.9f));
    }

    [Fact]
    public void Parts_no_wider_than_a_wide_letter_keep_the_old_cut()
    {
        // The same run, but the line's separate characters are 20 px wide (an M, a W): its two 23-px parts are 1.2 of that.
        using var line = Line((86, 14), (102, 15), (119, 14));
        List<GlyphBox> boxes = Boxes(line, out List<GlyphBox> uncut, out _);
        boxes[0] = boxes[0] with { X = boxes[0].X - 6, Width = 20 };
        boxes[1] = boxes[1] with { Width = 20 };
        boxes[^1] = boxes[^1] with { Width = 20 };
        Assert.Same(boxes, LatinGluedRun.Recut(line, 128, boxes, uncut, _ => 0.9f));
    }

    [Fact]
    public void A_line_without_a_glued_run_is_kept()
    {
        using var line = Line((86, 14), (102, 15), (119, 14));
        List<GlyphBox> boxes = Boxes(line, out _, out _);
        Assert.Same(boxes, LatinGluedRun.Recut(line, 128, boxes, [boxes[0]], _ => 0.9f));
    }

    // A drawn line: separate 14-px characters at 46, 62 and 150, and blocks (x, width) glued by 2-row bridges.
    private static RectifiedLine Line(params (int X, int Width)[] glued)
    {
        var grey = new Mat(RectifiedLine.Rows, 200, MatType.CV_8UC1, Scalar.All(230));
        int top = RectifiedLine.MainTop, bottom = RectifiedLine.MainBottom - 1;
        foreach (int x in new[] { 46, 62, 150 }) Cv2.Rectangle(grey, new Point(x, top), new Point(x + 13, bottom), Scalar.All(20), -1);
        foreach ((int x, int w) in glued) Cv2.Rectangle(grey, new Point(x, top), new Point(x + w - 1, bottom), Scalar.All(20), -1);
        for (int k = 1; k < glued.Length; k++)
        {
            int from = glued[k - 1].X + glued[k - 1].Width, to = glued[k].X;
            Cv2.Rectangle(grey, new Point(from, top + 14), new Point(to - 1, top + 15), Scalar.All(20), -1);
        }

        // The middle block's centre column inked on one row only (an M's valley): the segmenter's least-ink cut falls
        // there, into two parts each about 1.6 characters wide, as on the benchmark's glued runs.
        int valley = glued[glued.Length / 2].X + (glued[glued.Length / 2].Width / 2);
        Cv2.Line(grey, new Point(valley, top), new Point(valley, bottom - 1), Scalar.All(230));

        return new RectifiedLine(grey, Mat.Eye(3, 3, MatType.CV_64FC1).ToMat());
    }

    // The line's boxes as the segmenter cut them (the glued run into two parts), its uncut components and the glued run.
    private static List<GlyphBox> Boxes(RectifiedLine line, out List<GlyphBox> uncut, out GlyphBox run)
    {
        uncut = GlyphSegmenter.SegmentMain(line, out _, 0.3, cutGlued: false);
        run = uncut.Single(b => b.Width > RectifiedLine.CharHeight);
        List<GlyphBox> boxes = GlyphSegmenter.SegmentMain(line, out _, 0.3);
        Assert.Equal(5, boxes.Count);
        return boxes;
    }
}
