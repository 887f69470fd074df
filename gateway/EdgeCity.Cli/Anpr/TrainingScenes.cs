using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// The simulated scenes the networks' training sets are made from (<c>anpr export-glyphs</c>, <c>export-lines</c>):
/// scenes with a plate of one region, 640×360 (the same plates and conditions as the camera's frames at a seventh of
/// the rendering cost), the held-out Korean face (<see cref="GlyphSampleCollector.HeldOutFace"/>) replaced by the next
/// one and no text signs (so nothing but the plate is text), decoded grey as the recognizer reads them.
/// </summary>
internal static class TrainingScenes
{
    /// <summary>One training scene; its <see cref="Frame"/> is disposed when the enumeration moves on.</summary>
    public sealed record Scene(int Index, SceneConditions Conditions, Mat Frame, PlateTruth Truth, Rect PlateBox)
    {
        /// <summary>The scene's plate (<see cref="Of"/> yields only scenes with one).</summary>
        public PlateSpec Plate => Conditions.Plate!;
    }

    /// <summary>
    /// The first <paramref name="count"/> scenes of generator <paramref name="seed"/> with a plate of <paramref name="region"/>;
    /// <paramref name="change"/>, if given, alters each scene's conditions (by its index) before it is rendered;
    /// <paramref name="plates"/>, if given, keeps only the scenes whose plate it accepts (decided before rendering).
    /// </summary>
    public static IEnumerable<Scene> Of(string region, int seed, int count, Func<int, SceneConditions, SceneConditions>? change = null, Func<PlateSpec, bool>? plates = null)
    {
        using var generator = new SceneGenerator(seed, 640, 360);
        int tried = 0;
        for (int i = 0; tried < count; i++)
        {
            SceneConditions c = generator.Conditions(i);
            if (c.Plate is null || c.Plate.RegionProfile != region) continue;
            if (plates is not null && !plates(c.Plate)) continue;
            tried++;
            if (c.FontFace % PlateFonts.KoreanFaceFiles.Count == GlyphSampleCollector.HeldOutFace) c = c with { FontFace = c.FontFace + 1 };
            c = c with { Signs = 0 };
            if (change is not null) c = change(i, c);
            SyntheticScene rendered = generator.Render(i, c);
            using Mat frame = Cv2.ImDecode(rendered.Jpeg, ImreadModes.Grayscale);
            PlateTruth truth = rendered.Plates[0];
            yield return new Scene(i, c, frame, truth, new Rect(truth.Box.Left, truth.Box.Top, truth.Box.Width, truth.Box.Height));
        }
    }
}
