using System.Runtime.Intrinsics;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Horizontal motion blur of a <see cref="RectifiedLine"/>, estimated from the line's own strokes and undone along its
/// rows. A plate passing the camera smears horizontally: vertical edges (the sides of strokes) soften, horizontal
/// ones (the tops of bars) do not, so the steepest horizontal and vertical grey slopes of the same strokes — the same
/// contrast, one Gaussian each — give the extra horizontal blur, σ² = σx² − σy². A Wiener filter of that Gaussian along
/// each row then pulls apart the characters the blur glued together, which no cut of the binarised line can.
/// </summary>
internal static class MotionDeblur
{
    /// <summary>Below this extra horizontal blur (σ, px of the rectified line) the line is left as it is.</summary>
    public const double MinSigmaPx = 1.2;

    /// <summary>Largest σ undone, px of the rectified line (beyond it the Wiener filter only adds ringing).</summary>
    public const double MaxSigmaPx = 6.0;

    /// <summary>The extra horizontal blur's σ (px) of the main line between columns [<paramref name="left"/>, <paramref name="right"/>), 0 when there is none.</summary>
    public static double EstimateSigma(Mat grey, int left, int right) => Estimate(grey, left, right).Sigma;

    /// <summary>
    /// The extra horizontal blur's σ (px, 0 when there is none) of the main line between columns [<paramref name="left"/>,
    /// <paramref name="right"/>), and the noise-to-signal ratio its Wiener filter should assume there.
    /// </summary>
    public static (double Sigma, double NoiseToSignal) Estimate(Mat grey, int left, int right)
    {
        int w = grey.Cols;
        int l = Math.Clamp(left, 1, w - 2), r = Math.Clamp(right, l + 1, w - 1);
        ReadOnlySpan<byte> g = grey.AsSpan<byte>();
        const int first = RectifiedLine.MainTop, last = RectifiedLine.MainBottom;
        // The steepest slope of each row (across vertical edges) and of each column (across horizontal ones), the grey
        // levels' histogram for the contrast, and the vertical second differences' for the noise.
        Span<int> rowMax = stackalloc int[last - first];
        int n = r - l;
        Span<byte> columns = n <= 1024 ? stackalloc byte[n] : new byte[n];
        columns.Clear();
        // Four histograms each, summed at the end: most neighbouring pixels are the same grey (background) and have the
        // same second difference, and counting them in one bin makes every increment wait for the one before it.
        Span<int> histograms = stackalloc int[4 * 256];
        Span<int> differenceHistograms = stackalloc int[4 * 256];
        for (int y = first; y < last; y++)
        {
            // The row's pixels l−1 … r and those above and below l … r−1, as slices indexed from 0 (fewer bounds checks).
            ReadOnlySpan<byte> row = g.Slice((y * w) + l - 1, n + 2), above = g.Slice(((y - 1) * w) + l, n), below = g.Slice(((y + 1) * w) + l, n);
            rowMax[y - first] = Steepest(row, above, below, columns);
            int i = 0;
            for (; i <= n - 4; i += 4)
            {
                histograms[row[i + 1]]++;
                histograms[256 + row[i + 2]]++;
                histograms[512 + row[i + 3]]++;
                histograms[768 + row[i + 4]]++;
                differenceHistograms[SecondDifference(above[i], row[i + 1], below[i])]++;
                differenceHistograms[256 + SecondDifference(above[i + 1], row[i + 2], below[i + 1])]++;
                differenceHistograms[512 + SecondDifference(above[i + 2], row[i + 3], below[i + 2])]++;
                differenceHistograms[768 + SecondDifference(above[i + 3], row[i + 4], below[i + 3])]++;
            }

            for (; i < n; i++)
            {
                histograms[row[i + 1]]++;
                differenceHistograms[SecondDifference(above[i], row[i + 1], below[i])]++;
            }
        }

        Span<int> histogram = histograms[..256], differences = differenceHistograms[..256];
        for (int v = 0; v < 256; v++)
        {
            histogram[v] += histograms[256 + v] + histograms[512 + v] + histograms[768 + v];
            differences[v] += differenceHistograms[256 + v] + differenceHistograms[512 + v] + differenceHistograms[768 + v];
        }

        // Upper quartiles: most rows cross a vertical stroke, but fewer columns cross a horizontal bar.
        rowMax.Sort();
        Span<int> columnHistogram = stackalloc int[256];
        foreach (byte c in columns) columnHistogram[c]++;
        double gx = rowMax[(int)(0.75 * rowMax.Length)], gy = HistogramQuantile(columnHistogram, n, 0.75);
        int pixels = (last - first) * (r - l);
        double contrast = HistogramQuantile(histogram, pixels, 0.95) - HistogramQuantile(histogram, pixels, 0.05);
        if (contrast < 20 || gx < 1 || gy < 1) return (0, MinNoiseToSignal);
        // A Gaussian step of contrast C and σ has a steepest slope of C / (σ√(2π)); the central difference spans 2 px.
        double k = 2 * contrast / Math.Sqrt(2 * Math.PI);
        double sx = k / gx, sy = k / gy;
        double sigma = sx > sy ? Math.Sqrt((sx * sx) - (sy * sy)) : 0;
        // Noise: most pixels lie in flat background, inside a stroke or on a smooth slope, where the vertical second
        // difference (untouched by the horizontal blur) is noise alone — its median absolute value is 0.6745·√6 σn (the
        // first difference was not: on a far plate's soft edges most pixels lie on a slope). The Wiener filter's largest gain
        // is 1/(2√K); keeping the amplified noise under a sixth of the contrast (a third of the way to the threshold,
        // half way between ink and paper) needs K ≥ 9 (σn / C)². A clean line keeps the floor: full sharpening.
        double noise = HistogramQuantile(differences, pixels, 0.5) / (0.6745 * Math.Sqrt(6));
        double noiseToSignal = Math.Clamp(9 * (noise / contrast) * (noise / contrast), MinNoiseToSignal, MaxNoiseToSignal);
        return (sigma, noiseToSignal);
    }

    private static int SecondDifference(int up, int centre, int down) => Math.Min(255, Math.Abs(down - (2 * centre) + up));

    // The row's steepest central difference (row[i + 2] − row[i]), and each column's steepest vertical one (below − above)
    // folded into columns; 32 pixels at a time where the hardware allows (the same maxima: absolute differences of bytes
    // are bytes).
    private static int Steepest(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, ReadOnlySpan<byte> below, Span<byte> columns)
    {
        int n = columns.Length, i = 0, best = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<byte>.Count)
        {
            Vector256<byte> bestV = Vector256<byte>.Zero;
            for (; i <= n - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                Vector256<byte> a = Vector256.Create(row[(i + 2)..]), b = Vector256.Create(row[i..]);
                bestV = Vector256.Max(bestV, Vector256.Max(a, b) - Vector256.Min(a, b));
                Vector256<byte> u = Vector256.Create(above[i..]), d = Vector256.Create(below[i..]);
                Vector256.Max(Vector256.Create(columns[i..]), Vector256.Max(u, d) - Vector256.Min(u, d)).CopyTo(columns[i..]);
            }

            for (int k = 0; k < Vector256<byte>.Count; k++) best = Math.Max(best, bestV[k]);
        }

        for (; i < n; i++)
        {
            best = Math.Max(best, Math.Abs(row[i + 2] - row[i]));
            columns[i] = (byte)Math.Max(columns[i], Math.Abs(below[i] - above[i]));
        }

        return best;
    }

    private static int HistogramQuantile(ReadOnlySpan<int> histogram, int count, double q)
    {
        int target = (int)(q * count), seen = 0;
        for (int v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen > target) return v;
        }

        return histogram.Length - 1;
    }

    /// <summary>
    /// Undoes a horizontal Gaussian blur of <paramref name="sigma"/> px along every row of <paramref name="grey"/> (8-bit), in
    /// place, by a Wiener filter assuming <paramref name="noiseToSignal"/> (the estimate of <see cref="Estimate"/>).
    /// </summary>
    public static void Apply(Mat grey, double sigma, double noiseToSignal = MinNoiseToSignal)
    {
        // σ to a tenth of a pixel and K to a factor of √2: the kernels are computed once each (a benign race between
        // threads computes one twice).
        int bucket = (int)Math.Round(Math.Clamp(sigma, 0.1, MaxSigmaPx) * 10);
        int level = NoiseLevel(noiseToSignal);
        float[] taps = Kernels[bucket, level] ??= WienerKernel(bucket / 10.0, MinNoiseToSignal * Math.Pow(2, level / 2.0));
        using var kernel = new Mat(1, taps.Length, MatType.CV_32FC1);
        kernel.SetArray(taps);
        Cv2.Filter2D(grey, grey, MatType.CV_8U, kernel, new Point(-1, -1), 0, BorderTypes.Replicate);
    }

    /// <summary>Relative noise power the Wiener filter assumes at least: how far it trusts the frequencies the blur has all but erased on a clean line.</summary>
    public const double MinNoiseToSignal = 0.02;

    /// <summary>At most (a filter this cautious barely sharpens: its largest gain is 1.1).</summary>
    private const double MaxNoiseToSignal = 0.2;

    private static int NoiseLevel(double noiseToSignal) =>
        (int)Math.Round(2 * Math.Log2(Math.Clamp(noiseToSignal, MinNoiseToSignal, MaxNoiseToSignal) / MinNoiseToSignal));

    private static readonly float[]?[,] Kernels = new float[]?[(int)(MaxSigmaPx * 10) + 1, NoiseLevel(MaxNoiseToSignal) + 1];

    // The Wiener filter of a Gaussian of σ, H / (H² + K) with H(f) = exp(−2π²σ²f²), as a spatial kernel: its inverse
    // Fourier transform (real and even), cut at ±5σ — a 1×N convolution costs a tenth of a DFT per row here — and
    // normalised to keep the grey level of flat areas.
    private static float[] WienerKernel(double sigma, double noiseToSignal)
    {
        const int n = 512;
        int half = (int)Math.Ceiling(5 * sigma);
        var taps = new double[(2 * half) + 1];
        for (int f = 0; f < n; f++)
        {
            double freq = Math.Min(f, n - f) / (double)n;
            double h = Math.Exp(-2 * Math.PI * Math.PI * sigma * sigma * freq * freq);
            double gain = h / ((h * h) + noiseToSignal);
            for (int k = -half; k <= half; k++) taps[k + half] += gain * Math.Cos(2 * Math.PI * f * k / n) / n;
        }

        double sum = taps.Sum();
        return taps.Select(t => (float)(t / sum)).ToArray();
    }
}
