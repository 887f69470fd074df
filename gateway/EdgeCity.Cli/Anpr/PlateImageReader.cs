using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeCity.Anpr;
using OpenCvSharp;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// <c>anpr read</c>'s work: one JSON line per image file, <c>{"file":…,"plates":[{"text":…,"confidence":…,"box":[x,y,w,h],"format":…}],"ms":…}</c>,
/// or <c>{"file":…,"error":…}</c> for a file that is missing or not an image — never an exception.
/// </summary>
internal static class PlateImageReader
{
    /// <summary>Hangul printed as itself, not as \uXXXX.</summary>
    public static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads every file; returns the number of files that failed.</summary>
    public static int ReadAll(PlateRecognizer recognizer, IEnumerable<string> files, TextWriter output)
    {
        int failures = 0;
        foreach (string file in files)
        {
            string line = ReadOne(recognizer, file, out bool failed);
            if (failed) failures++;
            output.WriteLine(line);
        }

        return failures;
    }

    public static string ReadOne(PlateRecognizer recognizer, string file, out bool failed)
    {
        failed = true;
        if (!File.Exists(file)) return Error(file, "no such file");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException e)
        {
            return Error(file, $"cannot read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return Error(file, $"cannot read: {e.Message}");
        }

        using Mat frame = Decode(bytes);
        if (frame.Empty()) return Error(file, "not an image OpenCV can decode (expected JPEG, PNG, BMP, TIFF, WebP, …)");
        var clock = Stopwatch.StartNew();
        IReadOnlyList<PlateReading> plates = recognizer.Read(frame);
        double ms = clock.Elapsed.TotalMilliseconds;
        failed = false;
        return Format(file, plates, ms);
    }

    private static Mat Decode(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? new Mat() : Cv2.ImDecode(bytes, ImreadModes.Color);
        }
        catch (OpenCVException)
        {
            return new Mat();
        }
    }

    public static string Format(string file, IReadOnlyList<PlateReading> plates, double ms)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Json))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteStartArray("plates");
            foreach (PlateReading p in plates)
            {
                w.WriteStartObject();
                w.WriteString("text", p.Text);
                w.WriteNumber("confidence", p.Confidence);
                w.WriteStartArray("box");
                w.WriteNumberValue(p.X); w.WriteNumberValue(p.Y); w.WriteNumberValue(p.Width); w.WriteNumberValue(p.Height);
                w.WriteEndArray();
                w.WriteString("format", p.Format);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("ms", Math.Round(ms, 1));
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Error(string file, string message)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Json))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteString("error", message);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
