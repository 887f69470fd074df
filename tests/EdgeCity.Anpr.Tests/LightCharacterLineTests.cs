using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A line that shows the network's characters light on a dark ground — a row of the plate's whole body, warped inverted
/// (<see cref="InkPolarity"/>) — is asked what stands beside its reading on the line turned round
/// (<c>CrnnLineReader.LeavesOut</c>, <see cref="NamelessTail"/>): its own dark boxes are the body's margin before the
/// first digit and the car beyond its end, which refused whole plates the network read at 0.95–1.00.
/// </summary>
public class LightCharacterLineTests
{
    [Theory]
    [InlineData(2, 49, "13구6813")] // "leaves out" the body's margin before the 1 (sharp, yaw 25°)
    [InlineData(3, 491, "15누3327")] // that margin had a stacked name's shape before the 1 (LeavesOut and NamelessTail)
    [InlineData(4, 225, "377자5867")] // margin before the 3 (motion 2.3 px)
    [InlineData(4, 746, "147바6314")] // margin before the 1, and the car beyond the 4 once turned round
    public void A_plate_read_on_a_row_of_its_body_is_not_refused_for_the_bodys_margin(int seed, int index, string plate)
    {
        var (frame, _) = BenchScenes.AssertReads(index, plate, seed: seed);
        frame.Dispose();
    }

    [Fact]
    public void A_weak_reading_of_a_body_row_still_leaves_out_its_margin()
    {
        // 32허4829 (seed 2's 417, wip/anbody): the body's row reads 32배4829, its 배 at 0.42, which the glyph classifier
        // "confirms" on the turned line — only a reading sure in every character is asked turned round.
        var (frame, truth) = BenchScenes.Load(417, seed: 2);
        using (frame)
        {
            Assert.Equal("32허4829", truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains("32배4829"), $"seed 2 scene 417: read [{string.Join(',', read)}]");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Dark_characters_on_a_light_line_are_not_light_and_the_inverted_line_shows_them_light(double motionBlur)
    {
        using RectifiedLine line = Digits(motionBlur, out List<double> centres);
        Assert.False(InkPolarity.CharactersLight(line, centres));
        using RectifiedLine inverted = InkPolarity.Inverted(line);
        Assert.True(InkPolarity.CharactersLight(inverted, centres));
    }

    // Seven dark digits a character tall at a plate's pitch on a light ground, smeared sideways by motionBlur (σ, px).
    private static RectifiedLine Digits(double motionBlur, out List<double> centres)
    {
        var grey = new Mat(RectifiedLine.Rows, 260, MatType.CV_8UC1, Scalar.All(210));
        centres = [];
        for (int i = 0; i < 7; i++)
        {
            string digit = "1234807"[i].ToString();
            Size size = Cv2.GetTextSize(digit, HersheyFonts.HersheySimplex, 1.1, 4, out _);
            int x = 50 + (i * 26);
            Cv2.PutText(grey, digit, new Point(x, RectifiedLine.MainBottom - 4), HersheyFonts.HersheySimplex, 1.1, Scalar.All(45), 4);
            centres.Add(x + (size.Width / 2.0));
        }

        if (motionBlur > 0) Cv2.GaussianBlur(grey, grey, new Size(0, 0), sigmaX: motionBlur, sigmaY: 0.1);
        return new RectifiedLine(grey, Mat.Eye(3, 3, MatType.CV_64FC1).ToMat()) { MotionBlur = motionBlur };
    }
}
