using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.Reading;
using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// Makes the glyph classifier's training set from simulated camera scenes: each scene goes through the recognizer's
/// own detection, rectification and segmentation; the row on the true plate is aligned with the true text, and its
/// boxes become labelled feature vectors (what the classifier will see at run time, not idealised glyphs).
/// Rows elsewhere in the frame (grille bars, windows, headlights, car edges — training scenes have no text signs, so
/// nothing else there is text) teach the junk class what is not a glyph.
/// The Korean face <see cref="HeldOutFace"/> is never trained on, so the benchmark can show how reading holds up on an unseen font.
/// </summary>
internal static class GlyphSampleCollector
{
    /// <summary>The Korean font face (index into PlateFonts) kept out of training.</summary>
    public const int HeldOutFace = 3;

    // Jittered copies of every glyph.
    private const int Jitters = 2;

    // Rows whose character band is up to this much taller than the plate's text still give glyphs of the text (the
    // rectifier's band is a little generous); taller ones hold the plate's rim or the plate as a whole.
    private const float MaxRowScale = 1.2f;

    // One non-glyph example per row: more would outnumber the glyphs and teach the network to answer "junk".
    private const int MaxJunkPerRow = 1;

    public static List<(float[] Features, string Label)> Collect(string region, int seed, int scenes, Action<string> log)
    {
        using var features = new GlyphFeatures();
        return Collect(region, seed, scenes, Jitters, features.Compute, log).Select(s => (s.Sample, s.Label)).ToList();
    }

    /// <summary>
    /// The labelled glyphs of <paramref name="scenes"/> scenes of <paramref name="region"/>, each made into a sample by
    /// <paramref name="make"/> (from the rectified line's grey image and the box), with <paramref name="jitters"/>
    /// moved and resized copies of each real glyph, and the index of the scene it came from (to hold out whole scenes).
    /// </summary>
    public static List<(T Sample, string Label, int Scene)> Collect<T>(string region, int seed, int scenes, int jitters, Func<Mat, GlyphBox, T> make, Action<string> log)
    {
        var samples = new List<(T, string, int)>();
        int aligned = 0, tried = 0;
        foreach (TrainingScenes.Scene scene in TrainingScenes.Of(region, seed, scenes))
        {
            tried++;
            (int i, PlateSpec plate, Mat frame, PlateTruth truth, Rect plateBox) = (scene.Index, scene.Plate, scene.Frame, scene.Truth, scene.PlateBox);
            using var onText = new PlateTextRow(truth);
            bool any = false;
            foreach ((RectifiedLine line, Rect lineBox) in LineSource.Lines(frame))
            {
                using (line)
                {
                    Rect overlap = lineBox & plateBox;
                    if (overlap.Width * overlap.Height == 0)
                    {
                        var junk = GlyphSegmenter.SegmentMain(line, out _, 0.5).Where(b => b.Width <= 1.1 * RectifiedLine.CharHeight).Take(MaxJunkPerRow);
                        samples.AddRange(junk.Select(b => (make(line.Grey, b), GlyphClassifier.Junk, i)));
                        continue;
                    }

                    if (overlap.Width * overlap.Height < 0.5 * lineBox.Width * lineBox.Height) continue;
                    // Only rows on the plate's text at its own scale: a row of the rim or of the whole plate as a blob
                    // aligns too, with boxes over two characters or a blob labelled as one (held-out accuracy 0.76 with
                    // them), which the recognizer rightly reads as junk.
                    if (onText.Scale(line, MaxRowScale) is null) continue;
                    List<LabelledGlyph> labelled = Align(line, plate);
                    any |= labelled.Count > 0;
                    samples.AddRange(labelled.Select(g => (make(line.Grey, g.Box), g.Label, i)));
                    // Each real glyph again with its box moved and grown by a pixel or two, as segmentation varies.
                    var jitter = new Random(i);
                    foreach (LabelledGlyph g in labelled.Where(g => g.Label != GlyphClassifier.Junk))
                    {
                        for (int k = 0; k < jitters; k++)
                        {
                            var box = new GlyphBox(g.Box.X + jitter.Next(-1, 2), g.Box.Y + jitter.Next(-1, 2), g.Box.Width + jitter.Next(-1, 3), g.Box.Height + jitter.Next(-1, 3));
                            samples.Add((make(line.Grey, box), g.Label, i));
                        }
                    }
                }
            }

            if (any) aligned++;
            if (tried % 500 == 0) log($"  {tried} scenes, {aligned} plates aligned, {samples.Count} glyphs");
        }

        log($"  {tried} scenes, {aligned} plates aligned, {samples.Count} glyphs");
        return samples;
    }

    private static List<LabelledGlyph> Align(RectifiedLine line, PlateSpec plate) => plate.Style switch
    {
        PlateStyle.Eu => LatinLineReader.Align(line, plate.Text),
        PlateStyle.KrRegionalTwoLine => KoreanLineReader.Align(line, KoreanLayouts.TwoLineRegion, plate.Text),
        PlateStyle.KrRegionalStacked => KoreanLineReader.Align(line, KoreanLayouts.StackedRegion, plate.Text),
        _ => KoreanLineReader.Align(line, KoreanLayouts.DigitsHangulDigits, plate.Text),
    };
}
