using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using EdgeCity.Cli.Anpr;

namespace EdgeCity.Cli.Benchmarks.AnprBench;

/// <summary>The breakdown rows a scene counts in: format, colour, angle, light, blur, distance, font, dirt/occlusion/frame.</summary>
internal static class AnprConditions
{
    /// <summary>The reading layout (KoreanLayouts, LatinLineReader) a plate style is read with.</summary>
    public static string Layout(PlateStyle style) => style switch
    {
        PlateStyle.KrTwoDigit or PlateStyle.KrThreeDigit => EdgeCity.Anpr.Reading.KoreanLayouts.DigitsHangulDigits,
        PlateStyle.KrRegionalStacked => EdgeCity.Anpr.Reading.KoreanLayouts.StackedRegion,
        PlateStyle.KrRegionalTwoLine => EdgeCity.Anpr.Reading.KoreanLayouts.TwoLineRegion,
        _ => EdgeCity.Anpr.Reading.LatinLineReader.Layout,
    };

    public static IEnumerable<string> Of(SceneConditions c)
    {
        yield return "all";
        PlateSpec? p = c.Plate;
        yield return "format " + (p is null ? "none (no plate)" : p.Style switch
        {
            PlateStyle.KrTwoDigit => "kr 12가3456",
            PlateStyle.KrThreeDigit => "kr 123가4567",
            PlateStyle.KrRegionalTwoLine => "kr two-line regional",
            PlateStyle.KrRegionalStacked => "kr stacked region",
            _ => "eu",
        });
        if (p is null) yield break;
        yield return "colour " + p.Colour.ToString().ToLowerInvariant();
        double yaw = Math.Abs(c.YawDeg);
        yield return yaw < 10 ? "angle 0-10°" : yaw < 20 ? "angle 10-20°" : "angle 20-30°";
        yield return "light " + c.Lighting.ToString().ToLowerInvariant();
        double blur = c.BlurSigmaPx + c.MotionBlurPx;
        yield return c.MotionBlurPx > 0 ? "blur motion" : blur == 0 ? "blur none" : blur < 1 ? "blur σ<1px" : "blur σ≥1px";
        double width = c.PlateWidthPx * (p.Style == PlateStyle.KrRegionalTwoLine ? 520.0 / 335 : 1);
        yield return width < 130 ? "distance far (plate <130px)" : width < 200 ? "distance mid" : "distance near (plate >200px)";
        if (p.Style != PlateStyle.Eu)
        {
            yield return c.FontFace % PlateFonts.KoreanFaceFiles.Count == GlyphSampleCollector.HeldOutFace ? "font unseen in training" : "font seen in training";
        }

        if (c.JpegQuality < 50) yield return "jpeg quality <50";
        if (c.Dirt) yield return "dirt";
        if (c.Occlusion) yield return "occlusion";
        if (c.PlateFrame) yield return "plate frame";
    }
}
