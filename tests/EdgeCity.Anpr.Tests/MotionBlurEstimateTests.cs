using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// <c>MotionDeblur.Estimate</c> runs on every row's final warp (~14 a frame): its maxima are taken 32 pixels at a time
/// and its histograms counted in four interleaved copies. It must give what the plain per-pixel loop gave (kept here as
/// the reference), to the bit, on the warps of bench scenes and on noise of every width (the vector loops' tails).
/// </summary>
public class MotionBlurEstimateTests
{
    [Fact]
    public void The_estimate_equals_the_plain_loops_on_the_rows_of_bench_scenes()
    {
        int compared = 0, blurred = 0;
        foreach (int index in new[] { 2, 3, 11, 16, 30, 72 })
        {
            (Mat frame, _) = BenchScenes.Load(index);
            using (frame)
            using (var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY))
            {
                foreach (TextLine row in LineSource.Find(grey, null, lightText: true))
                {
                    using RectifiedLine? line = LineRectifier.Rectify(grey, row);
                    if (line is null) continue;
                    int left = (int)(LineRectifier.LeftExtension * RectifiedLine.CharHeight), right = line.Width - (int)(LineRectifier.RightExtension * RectifiedLine.CharHeight);
                    foreach ((int l, int r) in new[] { (left, right), (0, line.Width), (left + 3, right - 7) })
                    {
                        (double sigma, double noise) = MotionDeblur.Estimate(line.Grey, l, r);
                        Assert.Equal(Reference(line.Grey, l, r), (sigma, noise));
                        compared++;
                        if (sigma >= MotionDeblur.MinSigmaPx) blurred++;
                    }
                }
            }
        }

        // Rows enough, some of them blurred (a test on sharp lines only would not see the σ's path).
        Assert.True(compared >= 100 && blurred >= 3, $"{compared} estimates compared, {blurred} blurred");
    }

    [Fact]
    public void The_estimate_equals_the_plain_loops_on_noise_of_every_width()
    {
        var random = new Random(7);
        for (int width = 3; width <= 200; width++)
        {
            using var grey = new Mat(RectifiedLine.Rows, width, MatType.CV_8UC1);
            var pixels = new byte[RectifiedLine.Rows * width];
            // Flat grey with strokes and noise: the histograms' bins repeat, as on a plate's background.
            for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : 200 + random.Next(3));
            grey.SetArray(pixels);
            Assert.Equal(Reference(grey, 1, width - 1), MotionDeblur.Estimate(grey, 1, width - 1));
            Assert.Equal(Reference(grey, 0, width), MotionDeblur.Estimate(grey, 0, width));
        }
    }

    // The estimate as it was written first, one pixel at a time.
    private static (double Sigma, double NoiseToSignal) Reference(Mat grey, int left, int right)
    {
        int w = grey.Cols;
        int l = Math.Clamp(left, 1, w - 2), r = Math.Clamp(right, l + 1, w - 1);
        grey.GetArray(out byte[] g);
        const int first = RectifiedLine.MainTop, last = RectifiedLine.MainBottom;
        var rowMax = new int[last - first];
        var histogram = new int[256];
        var differences = new int[256];
        var columnMax = new int[r - l];
        for (int y = first; y < last; y++)
        {
            int best = 0;
            for (int x = l; x < r; x++)
            {
                int centre = g[(y * w) + x], up = g[((y - 1) * w) + x], down = g[((y + 1) * w) + x];
                best = Math.Max(best, Math.Abs(g[(y * w) + x + 1] - g[(y * w) + x - 1]));
                columnMax[x - l] = Math.Max(columnMax[x - l], Math.Abs(down - up));
                differences[Math.Min(255, Math.Abs(down - (2 * centre) + up))]++;
                histogram[centre]++;
            }

            rowMax[y - first] = best;
        }

        Array.Sort(rowMax);
        Array.Sort(columnMax);
        double gx = rowMax[(int)(0.75 * rowMax.Length)], gy = columnMax[(int)(0.75 * columnMax.Length)];
        int pixels = (last - first) * (r - l);
        double contrast = Quantile(histogram, pixels, 0.95) - Quantile(histogram, pixels, 0.05);
        if (contrast < 20 || gx < 1 || gy < 1) return (0, MotionDeblur.MinNoiseToSignal);
        double k = 2 * contrast / Math.Sqrt(2 * Math.PI);
        double sx = k / gx, sy = k / gy;
        double sigma = sx > sy ? Math.Sqrt((sx * sx) - (sy * sy)) : 0;
        double noise = Quantile(differences, pixels, 0.5) / (0.6745 * Math.Sqrt(6));
        double noiseToSignal = Math.Clamp(9 * (noise / contrast) * (noise / contrast), MotionDeblur.MinNoiseToSignal, 0.2);
        return (sigma, noiseToSignal);
    }

    private static int Quantile(int[] histogram, int count, double q)
    {
        int target = (int)(q * count), seen = 0;
        for (int v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen > target) return v;
        }

        return histogram.Length - 1;
    }
}
