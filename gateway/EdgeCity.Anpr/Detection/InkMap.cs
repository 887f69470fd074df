using System.Runtime.Intrinsics;
using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// The ink test of <see cref="BlobExtractor"/> in one pass over the pixels: a pixel is ink when it is darker (lighter)
/// than the lighter (darker) of its two local means by more than a contrast, and not lighter (darker) than the narrow
/// mean by more than a guard; with a stroke background (see <see cref="BlobExtractor.Extract"/>) the surroundings are
/// never below it either. The same test as six (seven) whole-image OpenCV operations (max, [max,] add, compare, add,
/// compare, and, with 8-bit saturation), to the bit (a test checks it), in a fifth of their time: each of those
/// operations reads and writes the whole frame, and together they were 1 ms of every frame and polarity.
/// </summary>
internal static class InkMap
{
    /// <summary>
    /// Writes 255 to <paramref name="ink"/> (8-bit, allocated by the caller at the frame's size) where
    /// <paramref name="grey"/> is ink, 0 elsewhere; all images 8-bit, one channel, continuous, of one size.
    /// </summary>
    public static void Compute(Mat grey, Mat wideMean, Mat narrowMean, bool darkText, byte contrast, byte guard, Mat ink, Mat? strokeBackground = null)
    {
        ReadOnlySpan<byte> g = Span(grey), w = Span(wideMean), n = Span(narrowMean);
        bool floored = strokeBackground is not null;
        ReadOnlySpan<byte> f = floored ? Span(strokeBackground!) : g;
        Span<byte> o = ink.AsSpan<byte>();
        if (w.Length != g.Length || n.Length != g.Length || o.Length != g.Length || f.Length != g.Length)
        {
            throw new ArgumentException("ink map: the frame, its means and the output must be continuous 8-bit images of one size");
        }

        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Saturating 8-bit arithmetic as OpenCV does it: a − c is max(a, c) − c, a + c is min(a, 255 − c) + c.
            Vector256<byte> c = Vector256.Create(contrast), gd = Vector256.Create(guard);
            Vector256<byte> cTop = Vector256.Create((byte)(255 - contrast)), gdTop = Vector256.Create((byte)(255 - guard));
            for (; i <= g.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                Vector256<byte> v = Vector256.Create(g[i..]), wv = Vector256.Create(w[i..]), nv = Vector256.Create(n[i..]);
                Vector256<byte> surround = darkText ? Vector256.Max(wv, nv) : Vector256.Min(wv, nv);
                if (floored)
                {
                    surround = Vector256.Max(surround, Vector256.Create(f[i..]));
                }

                Vector256<byte> result = darkText
                    ? Vector256.LessThan(v, Vector256.Max(surround, c) - c) & Vector256.LessThan(v, Vector256.Min(nv, gdTop) + gd)
                    : Vector256.GreaterThan(v, Vector256.Min(surround, cTop) + c) & Vector256.GreaterThan(v, Vector256.Max(nv, gd) - gd);
                result.CopyTo(o[i..]);
            }
        }

        for (; i < g.Length; i++)
        {
            int v = g[i], nv = n[i];
            int surround = darkText ? Math.Max(w[i], nv) : Math.Min(w[i], nv);
            if (floored)
            {
                surround = Math.Max(surround, f[i]);
            }

            o[i] = darkText
                ? (byte)(v < surround - contrast && v < Math.Min(nv + guard, 255) ? 255 : 0)
                : (byte)(v > Math.Min(surround + contrast, 255) && v > Math.Max(nv - guard, 0) ? 255 : 0);
        }
    }

    private static ReadOnlySpan<byte> Span(Mat m) =>
        m.Type() == MatType.CV_8UC1 && m.IsContinuous() ? m.AsSpan<byte>() : throw new ArgumentException($"ink map: expected a continuous 8-bit one-channel image, got {m.Type()}");
}
