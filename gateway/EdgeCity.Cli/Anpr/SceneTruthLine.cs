using System.Text.Json;
using EdgeCity.CameraSim.Scenes;

namespace EdgeCity.Cli.Anpr;

/// <summary>One line of a scene folder's truth.jsonl: the file, its plates (text, region, style, corners) and conditions.</summary>
internal static class SceneTruthLine
{
    public static string Format(string file, SyntheticScene scene)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, PlateImageReader.Json))
        {
            SceneConditions c = scene.Conditions;
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteStartArray("plates");
            foreach (PlateTruth p in scene.Plates)
            {
                w.WriteStartObject();
                w.WriteString("text", p.Plate.Text);
                w.WriteString("region", p.Plate.RegionProfile);
                w.WriteString("style", p.Plate.Style.ToString());
                w.WriteString("colour", p.Plate.Colour.ToString());
                w.WriteStartArray("corners");
                foreach (var corner in p.Corners)
                {
                    w.WriteNumberValue(Math.Round(corner.X, 1));
                    w.WriteNumberValue(Math.Round(corner.Y, 1));
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("yaw", Math.Round(c.YawDeg, 1));
            w.WriteString("lighting", c.Lighting.ToString());
            w.WriteNumber("blur", Math.Round(c.BlurSigmaPx + c.MotionBlurPx, 2));
            w.WriteNumber("jpeg_quality", c.JpegQuality);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
