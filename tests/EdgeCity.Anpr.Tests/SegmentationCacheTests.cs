using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A rectified line's segmentations are cached by their parameters (<c>RectifiedLine.Segmentations</c>, shared by the
/// glyph reader, the line network's checks and the blurred re-cut): a parameter that changes the cut but is missing
/// from the key would hand a later call an earlier call's boxes. Every call on one line, after calls that differ from
/// it in each parameter, must give what the same call gives on a fresh copy of the line.
/// </summary>
public class SegmentationCacheTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Each_segmentation_of_a_line_already_cut_otherwise_equals_a_fresh_lines(int seed)
    {
        using RectifiedLine shared = BlurGluedLine(seed);
        var distinct = new HashSet<string>();
        foreach (double threshold in new[] { 110.0, 170.0 })
        {
            foreach ((int top, int bottom) in new[] { (RectifiedLine.MainTop - 3, RectifiedLine.Rows), (0, RectifiedLine.MainTop) })
            {
                foreach (bool eraseEdges in new[] { true, false })
                {
                    foreach (bool cutGlued in new[] { false, true })
                    {
                        foreach (bool blurredCuts in new[] { false, true })
                        {
                            foreach (int minHeight in new[] { 3, 20 })
                            {
                                List<GlyphBox> cached = GlyphSegmenter.Segment(shared, threshold, top, bottom, minHeight, eraseEdges, cutGlued, blurredCuts);
                                using RectifiedLine fresh = BlurGluedLine(seed);
                                List<GlyphBox> expected = GlyphSegmenter.Segment(fresh, threshold, top, bottom, minHeight, eraseEdges, cutGlued, blurredCuts);
                                string call = $"seed {seed}: threshold {threshold}, rows {top}-{bottom}, erase {eraseEdges}, cut {cutGlued}, blurred cuts {blurredCuts}, min height {minHeight}";
                                Assert.True(expected.SequenceEqual(cached), $"{call}: [{string.Join(' ', cached)}] against a fresh line's [{string.Join(' ', expected)}]");
                                distinct.Add(string.Join(' ', expected));
                            }
                        }
                    }
                }
            }
        }

        // Not a line every parameter cuts alike (the test could not fail): the threshold, band, glued and blurred cuts and height each change it.
        Assert.True(distinct.Count >= 8, $"seed {seed}: only {distinct.Count} different segmentations");
    }

    // A plate-like line: digits a character tall at a plate's pitch, smeared sideways until neighbours touch (horizontal
    // motion blur), a border line above them, sensor noise from the seed.
    private static RectifiedLine BlurGluedLine(int seed)
    {
        var random = new Random(seed);
        const int width = 320;
        var grey = new Mat(RectifiedLine.Rows, width, MatType.CV_8UC1, Scalar.All(215));
        for (int i = 0; i < 8; i++)
        {
            string digit = ((i * 3) + seed).ToString(System.Globalization.CultureInfo.InvariantCulture)[^1..];
            Cv2.PutText(grey, digit, new Point(40 + (i * 21) + random.Next(-1, 2), RectifiedLine.MainBottom - 1), HersheyFonts.HersheySimplex, 1.25, Scalar.All(40), 4);
        }

        Cv2.Line(grey, new Point(5, RectifiedLine.MainTop - 8), new Point(width - 6, RectifiedLine.MainTop - 8), Scalar.All(60), 2);
        Cv2.GaussianBlur(grey, grey, new Size(0, 0), sigmaX: 2.2, sigmaY: 0.1);
        using var noise = new Mat(grey.Size(), MatType.CV_8UC1);
        Cv2.SetTheRNG((ulong)seed);
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(6));
        Cv2.Add(grey, noise, grey);
        return new RectifiedLine(grey, Mat.Eye(3, 3, MatType.CV_64FC1).ToMat()) { MotionBlur = 2.2 };
    }
}
