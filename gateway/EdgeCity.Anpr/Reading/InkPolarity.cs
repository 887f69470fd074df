using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A rectified line the other way round. A row of the whole plate's body — a white plate lighter than the car around
/// it is a light blob about a character tall, and a blurred plate's glued characters make no row of their own — is
/// warped as light text is, inverted: the plate's body is then dark and its characters light on it. The line network
/// learnt such rows and reads them; the glyph classifier knows only dark glyphs on light.
/// </summary>
internal static class InkPolarity
{
    /// <summary>A copy of <paramref name="line"/> with its grey levels inverted (dispose it).</summary>
    public static RectifiedLine Inverted(RectifiedLine line)
    {
        var grey = new Mat();
        Cv2.BitwiseNot(line.Grey, grey);
        return new RectifiedLine(grey, line.ToFrame.Clone()) { MotionBlur = line.MotionBlur, LeftExtension = line.LeftExtension };
    }
}
