using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>Horizontal motion blur is measured on a line's strokes and undone; plates the benchmark lost to it are read.</summary>
public class MotionDeblurTests
{
    // A rectified line's main band with dark digits on a light plate, Hershey's face (no font the simulator uses).
    private static Mat SharpLine()
    {
        var line = new Mat(RectifiedLine.Rows, 240, MatType.CV_8UC1, Scalar.All(225));
        Cv2.PutText(line, "4071 2589", new Point(20, RectifiedLine.MainBottom), HersheyFonts.HersheySimplex, 1.15, Scalar.All(40), 3, LineTypes.AntiAlias);
        return line;
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.5)]
    public void Horizontal_blur_is_measured_near_its_true_sigma(double sigma)
    {
        using Mat line = SharpLine();
        Cv2.GaussianBlur(line, line, new Size(0, 0), sigma, 0.6);
        double estimate = MotionDeblur.EstimateSigma(line, 15, 225);
        Assert.True(estimate > 0.6 * sigma && estimate < 1.5 * sigma, $"σ {sigma}: estimated {estimate:F2}");
    }

    [Fact]
    public void Blur_alike_in_both_directions_is_no_motion()
    {
        using Mat line = SharpLine();
        Cv2.GaussianBlur(line, line, new Size(0, 0), 1.5, 1.5);
        double estimate = MotionDeblur.EstimateSigma(line, 15, 225);
        Assert.True(estimate < MotionDeblur.MinSigmaPx, $"estimated {estimate:F2}");
    }

    [Fact]
    public void Deblurring_brings_the_line_closer_to_the_sharp_one()
    {
        using Mat sharp = SharpLine();
        using Mat blurred = sharp.Clone();
        Cv2.GaussianBlur(blurred, blurred, new Size(0, 0), 2.5, 0.01);
        using Mat restored = blurred.Clone();
        MotionDeblur.Apply(restored, MotionDeblur.EstimateSigma(blurred, 15, 225));
        double before = Cv2.Norm(blurred, sharp, NormTypes.L1), after = Cv2.Norm(restored, sharp, NormTypes.L1);
        Assert.True(after < 0.8 * before, $"L1 distance to the sharp line {before:F0} blurred, {after:F0} restored");
    }

    [Fact]
    public void A_clean_line_is_sharpened_fully_and_a_noisy_one_more_cautiously()
    {
        using Mat sharp = SharpLine();
        using Mat clean = sharp.Clone();
        Cv2.GaussianBlur(clean, clean, new Size(0, 0), 2.5, 0.01);
        // Sensor noise added after the blur (a night frame): σ 12 grey levels, seeded.
        using Mat noisy = clean.Clone();
        var random = new Random(5);
        noisy.GetArray(out byte[] pixels);
        for (int i = 0; i < pixels.Length; i++)
        {
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            pixels[i] = (byte)Math.Clamp(Math.Round(pixels[i] + (12 * gaussian)), 0, 255);
        }

        noisy.SetArray(pixels);
        (double cleanSigma, double cleanK) = MotionDeblur.Estimate(clean, 15, 225);
        (double noisySigma, double noisyK) = MotionDeblur.Estimate(noisy, 15, 225);
        Assert.Equal(MotionDeblur.MinNoiseToSignal, cleanK);
        Assert.True(noisyK > 2 * MotionDeblur.MinNoiseToSignal, $"noise-to-signal {noisyK:F3} on the noisy line (seed 5)");
        // With the estimated value the noisy line ends closer to the sharp one than with the clean line's.
        using Mat adaptive = noisy.Clone();
        using Mat fixedK = noisy.Clone();
        MotionDeblur.Apply(adaptive, noisySigma, noisyK);
        MotionDeblur.Apply(fixedK, noisySigma, MotionDeblur.MinNoiseToSignal);
        double a = Cv2.Norm(adaptive, sharp, NormTypes.L2), f = Cv2.Norm(fixedK, sharp, NormTypes.L2);
        Assert.True(a < f, $"L2 distance to the sharp line: {a:F0} adaptive (K {noisyK:F3}), {f:F0} fixed; σ {noisySigma:F2} (clean {cleanSigma:F2}), seed 5");
    }

    [Theory]
    [InlineData(813, "36어9217")] // motion 2.1 px
    [InlineData(983, "929허6561")] // motion 2.0 px
    [InlineData(827, "642서4975")] // motion 1.6 px
    public void Motion_blurred_plates_of_the_benchmark_are_read(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }
}
