using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// The line recognizer's input: a strip of a <see cref="RectifiedLine"/> scaled to <see cref="Height"/> rows (width in
/// proportion) and stretched to full contrast. The main line is its character band with the margins (characters ~24 px
/// tall); the upper strip of a two-line plate (region name and class digits, ~0.6 of a main character) is scaled a
/// little less, so its characters come out ~20 px tall: one network reads both. The training export
/// (<c>anpr export-lines</c>) and the recognizer use these functions, so they see the same pixels.
/// </summary>
internal static class CrnnLineImage
{
    /// <summary>Rows of the network's input.</summary>
    public const int Height = 32;

    /// <summary>Widest strip made, px (a row of ~15 character heights; the reader reads a narrower window, <see cref="CrnnLineReader"/>).</summary>
    public const int MaxWidth = 480;

    // The main band: the character rows with the rectifier's margin above and below (a stacked region name fits in it).
    private const int MainFirstRow = RectifiedLine.MainTop - RectifiedLine.Margin;

    // The upper strip: where a two-line plate's upper line lies (its characters end a few rows above the main line).
    private const int UpperFirstRow = 4;

    /// <summary>The main line's input image (dark on light, 0…255), or null when the line is too long to be a plate.</summary>
    public static Mat? Main(RectifiedLine line) => Strip(line, MainFirstRow, RectifiedLine.Rows);

    /// <summary>The width of <see cref="Main"/>'s image of <paramref name="line"/>, px.</summary>
    public static int MainWidth(RectifiedLine line) => Width(line, RectifiedLine.Rows - MainFirstRow);

    /// <summary>The upper strip's input image (a two-line plate's region and class digits), or null when too long.</summary>
    public static Mat? Upper(RectifiedLine line) => Strip(line, UpperFirstRow, RectifiedLine.MainTop);

    private static int Width(RectifiedLine line, int rows) => (int)Math.Round(line.Width * (double)Height / rows);

    private static Mat? Strip(RectifiedLine line, int firstRow, int endRow)
    {
        int rows = endRow - firstRow;
        int width = Width(line, rows);
        if (width < 8 || width > MaxWidth) return null;
        using Mat band = line.Grey[new Rect(0, firstRow, line.Width, rows)];
        var scaled = new Mat();
        Cv2.Resize(band, scaled, new Size(width, Height), 0, 0, InterpolationFlags.Area);
        Stretch(scaled);
        return scaled;
    }

    // Full contrast between the 1st and 99th percentile (a bolt's glint or a frame's shadow does not set the range).
    private static void Stretch(Mat image)
    {
        image.GetArray(out byte[] pixels);
        Span<int> histogram = stackalloc int[256];
        foreach (byte p in pixels) histogram[p]++;
        int cut = pixels.Length / 100, lo = 0, hi = 255;
        for (int sum = 0; lo < 255 && (sum += histogram[lo]) <= cut; lo++) { }
        for (int sum = 0; hi > 0 && (sum += histogram[hi]) <= cut; hi--) { }
        if (hi <= lo) return;
        double alpha = 255.0 / (hi - lo);
        image.ConvertTo(image, MatType.CV_8UC1, alpha, -lo * alpha);
    }
}
