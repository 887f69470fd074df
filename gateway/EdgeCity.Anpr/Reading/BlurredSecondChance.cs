using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A motion-blurred row's second chance: a row that neither reader reported, whose final warp showed horizontal motion
/// blur (<see cref="RectifiedLine.MotionBlur"/> ≥ <see cref="MotionDeblur.MinSigmaPx"/>), is rectified again with its
/// first warp deblurred too, and that line is read under every rule a first reading meets.
/// </summary>
/// <remarks>
/// The first warp only locates the row's characters for the refit of its top and bottom lines; on a blurred row its
/// characters are glued into runs whose boxes are too wide or too tall, so the lines are fitted through the wrong points
/// and the final warp is cut crooked or too low. Deblurred, the boxes are the characters' own. Deblurring every blurred
/// first warp instead (wip/anblur2) read 6 plates more and lost 6 others (its sharper boxes move lines that already
/// read), and estimated the blur on every row; as a second chance it runs only where the first reading gave nothing, so it
/// can lose no plate read, and only on the rows whose final warp already showed the blur.
/// </remarks>
internal static class BlurredSecondChance
{
    /// <summary>
    /// Whether a row whose first reading reported nothing, from a final warp with <paramref name="motionBlur"/>, where
    /// either reader read <paramref name="textRead"/> characters (unreported), gets a second chance: only where a reader
    /// found a plate's worth of text (<see cref="MinTextRead"/>) — a blurred sign, grille or wall of a blurred frame reads
    /// little or nothing, and giving every blurred row the second chance cost the frames without motion blur +2.4 ms median
    /// (their signs and far text estimate blurred too).
    /// </summary>
    public static bool Applies(double motionBlur, int textRead) => motionBlur >= MotionDeblur.MinSigmaPx && textRead >= MinTextRead;

    /// <summary>Characters a reader must have read on the row: the shortest plates read are four (an EU short plate's row is three, and then misread).</summary>
    public const int MinTextRead = 4;

    /// <summary>The row rectified again with its first warps deblurred where their own estimate says blurred.</summary>
    public static RectifiedLine? Rectify(Mat frameGrey, TextLine line, bool korean) =>
        LineRectifier.RectifyRefined(frameGrey, line, korean, deblurFirst: true);
}
