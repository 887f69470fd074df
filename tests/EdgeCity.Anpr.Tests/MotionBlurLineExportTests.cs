using EdgeCity.CameraSim.Scenes;
using EdgeCity.Cli.Anpr;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// <c>anpr export-lines --motion-blur</c>: every training scene a moving car's, its blur drawn as the simulator draws a
/// moving car's (σ 0.8–2.5 px with focus blur 0.4–1.5 px), seeded by the scene, and the lines written are those of the
/// blurred renders (rectified and deblurred by the recognizer's own pipeline).
/// </summary>
public class MotionBlurLineExportTests
{
    [Fact]
    public void Every_scene_gets_the_simulator_s_motion_blur_seeded_by_scene()
    {
        var plain = new SceneConditions();
        var blurs = new HashSet<double>();
        for (int i = 0; i < 200; i++)
        {
            SceneConditions c = LineImageExport.MotionBlurred(1000, i, plain);
            Assert.InRange(c.MotionBlurPx, 0.8, 2.5);
            Assert.InRange(c.BlurSigmaPx, 0.4, 1.5);
            Assert.Equal(c, LineImageExport.MotionBlurred(1000, i, plain));
            blurs.Add(c.MotionBlurPx);
        }

        Assert.True(blurs.Count > 190, $"{blurs.Count} distinct blurs in 200 scenes (seed 1000)");
    }

    [Fact]
    public void The_lines_written_are_those_of_the_blurred_renders()
    {
        List<(byte[] Pixels, int Scene, string Kind)> Export(bool motion)
        {
            var lines = new List<(byte[], int, string)>();
            LineImageExport.Export("kr", 1000, 6, motion, false, (image, scene, kind, _) =>
            {
                image.GetArray(out byte[] pixels);
                lines.Add((pixels, scene, kind));
            }, _ => { });
            return lines;
        }

        var sharp = Export(false).Where(l => l.Kind == "main").ToList();
        var blurred = Export(true).Where(l => l.Kind == "main").ToList();
        Assert.True(sharp.Count >= 4 && blurred.Count >= 4, $"main lines: {sharp.Count} sharp, {blurred.Count} blurred (6 kr scenes, seed 1000)");
        // A scene's lines, sharp and blurred, are never the same pixels.
        foreach (var b in blurred)
        {
            Assert.DoesNotContain(sharp, s => s.Scene == b.Scene && s.Pixels.AsSpan().SequenceEqual(b.Pixels));
        }
    }
}
