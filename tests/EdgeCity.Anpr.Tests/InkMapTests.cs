using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>The one-pass ink test gives, bit for bit, what the six OpenCV operations it replaced gave.</summary>
public class InkMapTests
{
    [Theory]
    [InlineData(true, 1, false)]
    [InlineData(false, 2, false)]
    [InlineData(false, 3, true)]
    [InlineData(true, 4, true)]
    public void The_ink_map_equals_opencvs_saturating_operations(bool darkText, int seed, bool withStrokeBackground)
    {
        // An odd width (the vector loop leaves a tail) and values at both ends of the 8-bit range (saturation).
        using var grey = new Mat(61, 203, MatType.CV_8UC1);
        var pixels = new byte[grey.Rows * grey.Cols];
        new Random(seed).NextBytes(pixels);
        grey.SetArray(pixels);
        grey[new Rect(0, 0, 203, 3)].SetTo(Scalar.All(0));
        grey[new Rect(0, 3, 203, 3)].SetTo(Scalar.All(255));
        using var wide = new Mat();
        using var narrow = new Mat();
        Cv2.Blur(grey, wide, new Size(21, 21), new Point(-1, -1), BorderTypes.Replicate);
        Cv2.Blur(grey, narrow, new Size(9, 9), new Point(-1, -1), BorderTypes.Replicate);
        // Surroundings within the contrast of the range's end, and a narrow mean within the guard of the other end.
        wide[new Rect(0, 10, 203, 2)].SetTo(Scalar.All(darkText ? 3 : 252));
        narrow[new Rect(0, 10, 203, 2)].SetTo(Scalar.All(darkText ? 5 : 250));
        narrow[new Rect(0, 12, 203, 2)].SetTo(Scalar.All(darkText ? 253 : 2));

        // The grey opening BlobExtractor's caller gives for light text (see LineSource).
        using Mat? strokeBackground = withStrokeBackground ? new Mat() : null;
        if (strokeBackground is not null)
        {
            using Mat kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(11, 11));
            Cv2.MorphologyEx(grey, strokeBackground, MorphTypes.Open, kernel, null, 1, BorderTypes.Replicate);
        }

        using var expected = Reference(grey, wide, narrow, darkText, strokeBackground);
        using var actual = new Mat(grey.Size(), MatType.CV_8UC1);
        InkMap.Compute(grey, wide, narrow, darkText, 8, 4, actual, strokeBackground);

        using var differs = new Mat();
        Cv2.Compare(expected, actual, differs, CmpTypes.NE);
        Assert.True(Cv2.CountNonZero(differs) == 0, $"{Cv2.CountNonZero(differs)} pixels differ (seed {seed}, dark text {darkText})");
        Assert.InRange(Cv2.CountNonZero(actual), 1, (grey.Rows * grey.Cols) - 1); // a map with ink and background, not a trivial one
    }

    [Fact]
    public void Images_of_different_sizes_are_refused_with_a_clear_error()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0));
        using var other = new Mat(10, 12, MatType.CV_8UC1, Scalar.All(0));
        using var output = new Mat(10, 10, MatType.CV_8UC1);
        var e = Assert.Throws<ArgumentException>(() => InkMap.Compute(grey, other, grey, true, 8, 4, output));
        Assert.Contains("one size", e.Message, StringComparison.Ordinal);
    }

    // What BlobExtractor computed before: max (min), [max with the stroke background,] saturating add, compare,
    // saturating add, compare, and.
    private static Mat Reference(Mat grey, Mat wide, Mat narrow, bool darkText, Mat? strokeBackground)
    {
        var binary = new Mat();
        using var surround = new Mat();
        using var local = new Mat();
        if (darkText) Cv2.Max(wide, narrow, surround);
        else Cv2.Min(wide, narrow, surround);
        if (strokeBackground is not null) Cv2.Max(surround, strokeBackground, surround);
        Cv2.Add(surround, Scalar.All(darkText ? -8 : 8), surround);
        Cv2.Compare(grey, surround, binary, darkText ? CmpTypes.LT : CmpTypes.GT);
        Cv2.Add(narrow, Scalar.All(darkText ? 4 : -4), surround);
        Cv2.Compare(grey, surround, local, darkText ? CmpTypes.LT : CmpTypes.GT);
        Cv2.BitwiseAnd(binary, local, binary);
        return binary;
    }
}
