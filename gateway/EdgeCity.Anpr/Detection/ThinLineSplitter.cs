using EdgeCity.Anpr.Diagnostics;
using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// Takes the thin lines out of a blob — a grey opening of its mask, 2×2 and then 3×3 — and says what characters are
/// left. A plate's rim or a frame's edge touching the characters glues them into one plate-sized blob that no row can
/// use; the rim is thinner than the characters' strokes, so the opening removes it and the characters come apart.
/// Plain C# on the blob's box (a few thousand pixels): a handful of OpenCV calls per blob cost more than the work.
/// </summary>
internal static class ThinLineSplitter
{
    private const int LargestOpening = 3;

    /// <summary>
    /// The characters left of a component (its pixels <paramref name="mask"/> in its box <paramref name="box"/>, <paramref name="area"/>
    /// pixels) without its thin lines, or null when that does not leave at least two characters holding half its ink (a
    /// far plate's strokes are as thin as the rim: they vanish with it, and the blob is kept as it was).
    /// </summary>
    public static List<CharacterBlob>? Split(bool[] mask, Rect box, int area)
    {
        var blobs = new List<CharacterBlob>();
        bool rimLeft = false;
        bool split = Split(mask, box, area, 2, blobs, ref rimLeft);
        if (!rimLeft) return split ? blobs : null;

        // A part still wide and sparse after the largest opening: a near plate's rim as thick as its strokes at this scale
        // (2–3 px at half resolution, a 160-px plate), its characters glued to it — the opening takes both or neither.
        // The rim's top and bottom are what no character has: ink running on for longer than the component is tall.
        // Without those runs the sides are bare lines and the characters come apart (RimRuns).
        using var timed = StageProfile.Enter(Stage.RimSplit);
        var freed = new List<CharacterBlob>();
        bool rimAgain = false;
        // Its parts are taken only where they hold a line of a plate's characters (LineOfCharacters): a re-split that
        // leaves scraps of uneven height at uneven spacing cut up something else, and the opening's blobs stand.
        return RimRuns.Erased(mask, box.Width, box.Height) is { } withoutRuns && Split(withoutRuns, box, area, 2, freed, ref rimAgain) && !rimAgain
            && LineOfCharacters.Holds(freed, box.Height)
            ? freed
            : split ? blobs : null;
    }

    private static bool Split(bool[] mask, Rect box, int area, int size, List<CharacterBlob> blobs, ref bool rimLeft)
    {
        for (; size <= LargestOpening; size++)
        {
            bool[] opened = Open(mask, box.Width, box.Height, size);
            var parts = Components(opened, box.Width, box.Height);
            int kept = 0;
            parts.RemoveAll(p => !BlobExtractor.IsCharacter(p.Box.Width, p.Box.Height, p.Area));
            foreach (var p in parts) kept += p.Area;
            if (parts.Count < 2 || kept < 0.5 * area) continue;
            foreach ((Rect part, bool[] partMask, int a) in parts)
            {
                var frame = new Rect(box.X + part.X, box.Y + part.Y, part.Width, part.Height);
                // A part still wide and sparse may be characters glued to a thicker line: the larger opening on its own.
                bool wideAndSparse = BlobExtractor.IsWideAndSparse(part.Width, part.Height, a);
                if (size < LargestOpening && wideAndSparse && Split(partMask, frame, a, size + 1, blobs, ref rimLeft)) continue;
                if (wideAndSparse) rimLeft = true;
                blobs.Add(new CharacterBlob(frame.X, frame.Y, frame.Width, frame.Height));
            }

            return true;
        }

        return false;
    }

    // The union of every size×size square that fits inside the mask, as OpenCV's opening has it: a square may reach a
    // pixel beyond the box on the side of its anchor (size/2), where the erosion counts the mask as set.
    private static bool[] Open(bool[] mask, int width, int height, int size)
    {
        var opened = new bool[mask.Length];
        int anchor = size / 2;
        for (int ty = -anchor; ty < height - anchor; ty++)
        {
            for (int tx = -anchor; tx < width - anchor; tx++)
            {
                bool fits = true;
                for (int y = Math.Max(0, ty); y < Math.Min(height, ty + size) && fits; y++)
                {
                    for (int x = Math.Max(0, tx); x < Math.Min(width, tx + size); x++)
                    {
                        if (!mask[(y * width) + x])
                        {
                            fits = false;
                            break;
                        }
                    }
                }

                if (!fits) continue;
                for (int y = Math.Max(0, ty); y < Math.Min(height, ty + size); y++)
                {
                    for (int x = Math.Max(0, tx); x < Math.Min(width, tx + size); x++) opened[(y * width) + x] = true;
                }
            }
        }

        return opened;
    }

    // 8-connected components: box (in the mask's pixels), own mask (the box's size) and pixel count.
    private static List<(Rect Box, bool[] Mask, int Area)> Components(bool[] mask, int width, int height)
    {
        var label = new int[mask.Length];
        var result = new List<(Rect, bool[], int)>();
        var stack = new Stack<int>();
        var pixels = new List<int>();
        int next = 0;
        for (int start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || label[start] != 0) continue;
            next++;
            pixels.Clear();
            label[start] = next;
            stack.Push(start);
            int l = width, t = height, r = -1, b = -1;
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                pixels.Add(p);
                int px = p % width, py = p / width;
                l = Math.Min(l, px); r = Math.Max(r, px); t = Math.Min(t, py); b = Math.Max(b, py);
                for (int ny = Math.Max(0, py - 1); ny <= Math.Min(height - 1, py + 1); ny++)
                {
                    for (int nx = Math.Max(0, px - 1); nx <= Math.Min(width - 1, px + 1); nx++)
                    {
                        int q = (ny * width) + nx;
                        if (!mask[q] || label[q] != 0) continue;
                        label[q] = next;
                        stack.Push(q);
                    }
                }
            }

            int w = r - l + 1, h = b - t + 1;
            var own = new bool[w * h];
            foreach (int p in pixels) own[(((p / width) - t) * w) + (p % width) - l] = true;
            result.Add((new Rect(l, t, w, h), own, pixels.Count));
        }

        return result;
    }
}
