using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A near plate's rim as thick as its strokes at half resolution, its characters glued to it: the opening that frees a far
/// plate's characters takes both or neither, and the rim's long horizontal runs are taken out instead
/// (<see cref="RimRuns"/>, <see cref="ThinLineSplitter"/>).
/// </summary>
public class NearPlateRimTests
{
    [Fact]
    public void A_near_plate_whose_light_text_is_glued_to_its_rim_is_read()
    {
        // Seed 4's 660: green two-line, 162 px, sharp, rolled ~3°; at half resolution its white rim (2–3 px) and its
        // strokes (3 px) are one light component with the text (lost on 43a4d67: "rectify: crooked/scale", nothing read).
        var (frame, truth) = BenchScenes.AssertReads(660, "인천39루0866", seed: 4);
        using (frame)
        {
            // The main line's digits are blobs of their own at half resolution, none as wide as the plate.
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            using var small = new Mat();
            Cv2.Resize(grey, small, new Size(grey.Cols / 2, grey.Rows / 2), 0, 0, InterpolationFlags.Area);
            using var mean = new Mat();
            using var narrow = new Mat();
            Cv2.Blur(small, mean, new Size(21, 21), new Point(-1, -1), BorderTypes.Replicate);
            Cv2.Blur(small, narrow, new Size(9, 9), new Point(-1, -1), BorderTypes.Replicate);
            using Mat background = LineSource.StrokeBackground(small);
            var box = truth.Box;
            var onPlate = BlobExtractor.Extract(small, mean, narrow, darkText: false, null, background)
                .Where(b => b.CentreX * 2 > box.Left && b.CentreX * 2 < box.Right && b.CentreY * 2 > box.Top && b.CentreY * 2 < box.Bottom).ToList();
            Assert.True(onPlate.Count(b => b.Height >= 16 && b.Height <= 24 && b.Width <= 16) >= 4, string.Join(" ", onPlate));
            Assert.DoesNotContain(onPlate, b => b.Width * 2 > box.Width / 2);
        }
    }

    [Fact]
    public void A_plate_whose_components_run_long_only_across_their_middle_reads_as_before()
    {
        // Seed 4's 154 (read right on 43a4d67): with long runs erased at any height, its blobs changed and it read
        // 광주79보2226, a false plate; a rim's runs are at the component's top and bottom only.
        var (frame, _) = BenchScenes.AssertReads(154, "광주79부2226", seed: 4);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(Regions.RegionProfile.Load("kr"));
            Assert.DoesNotContain("광주79보2226", recognizer.Read(frame).Select(r => r.Text));
        }
    }

    [Fact]
    public void A_long_run_across_a_components_middle_is_no_rim()
    {
        const int w = 60, h = 30;
        var mask = new bool[w * h];
        for (int x = 0; x < w; x++) mask[(15 * w) + x] = true;
        Assert.Null(RimRuns.Erased(mask, w, h));
    }

    [Fact]
    public void A_long_run_along_one_side_only_is_no_rim()
    {
        // A grille's bar or a bumper's edge along the top of a row of blobs: a plate's rim is closed, top and bottom.
        const int w = 60, h = 30;
        var mask = new bool[w * h];
        for (int x = 0; x < w; x++) mask[(1 * w) + x] = true;
        for (int y = 10; y < 20; y++) mask[(y * w) + 30] = true;
        Assert.Null(RimRuns.Erased(mask, w, h));
        for (int x = 0; x < w; x++) mask[((h - 2) * w) + x] = true;
        Assert.NotNull(RimRuns.Erased(mask, w, h));
    }

    [Fact]
    public void A_rims_runs_go_and_a_characters_bar_stays()
    {
        const int w = 60, h = 30;
        var mask = new bool[w * h];
        void Set(int x, int y) => mask[(y * w) + x] = true;
        // A rim 2 px thick stepping down a row every 20 px (a plate a little off level), and a character's bar 12 px long.
        for (int x = 0; x < w; x++)
        {
            for (int t = 0; t < 2; t++)
            {
                Set(x, (x / 20) + t);
                Set(x, h - 4 + (x / 20) - t);
            }
        }

        for (int x = 20; x < 32; x++) Set(x, 14);
        bool[] erased = RimRuns.Erased(mask, w, h)!;
        for (int x = 0; x < w; x++)
        {
            Assert.False(erased[((x / 20) * w) + x]);
            Assert.False(erased[((h - 4 + (x / 20)) * w) + x]);
        }

        for (int x = 20; x < 32; x++) Assert.True(erased[(14 * w) + x]);
    }

    [Fact]
    public void Characters_a_thin_line_glues_are_opened_apart_as_before()
    {
        // Three characters with 2-px strokes on a 1-px line running on beyond them (a far plate's rim at half resolution,
        // thinner than its strokes): the 2×2 opening frees them, no part is left wide and sparse, and the rim's runs are
        // not looked at — the parts are the opening's, as on 43a4d67.
        const int w = 40, h = 15;
        var mask = new bool[w * h];
        for (int x = 0; x < w; x++) mask[((h - 1) * w) + x] = true;
        foreach (int left in new[] { 0, 11, 22 })
        {
            for (int y = 0; y < h - 1; y++)
            {
                for (int x = left; x < left + 7; x++)
                {
                    if (x < left + 2 || x >= left + 5 || y < 2 || y >= h - 3) mask[(y * w) + x] = true;
                }
            }
        }

        var parts = ThinLineSplitter.Split(mask, new Rect(100, 50, w, h), mask.Count(m => m));
        Assert.NotNull(parts);
        Assert.Equal([100, 111, 122], parts.Select(p => p.X).Order());
        Assert.All(parts, p => Assert.True(p.Width == 7 && p.Height == h, p.ToString()));
    }
    [Fact]
    public void A_white_single_line_plate_whose_re_split_leaves_no_line_of_characters_reads_as_before()
    {
        // Seed 9's 865 (white single-line, read right on main): a component of its row showed a rim's runs at top and
        // bottom, and cleared of them it came apart into scraps of uneven height at uneven spacing — no line of
        // characters; the re-split's parts were taken all the same and the plate was lost at rectification (wip/rim2).
        BenchScenes.AssertReads(865, "77러7286", seed: 9).Frame.Dispose();
    }

    [Fact]
    public void A_re_split_is_kept_only_where_its_parts_hold_a_line_of_characters()
    {
        static List<CharacterBlob> Parts(params (int X, int Y, int W, int H)[] p) => p.Select(b => new CharacterBlob(b.X, b.Y, b.W, b.H)).ToList();

        // Seed 4's 660 cleared of its rim's runs (half resolution, a component 46 px tall): the rim's two sides, the region
        // name's syllables, scraps, and the main line's four digits 20–21 px tall at a 13.5–14 px pitch.
        var near = Parts((311, 285, 5, 35), (286, 286, 10, 12), (277, 287, 8, 12), (233, 288, 4, 35), (246, 288, 11, 12),
            (254, 288, 3, 8), (259, 288, 5, 7), (265, 288, 3, 7), (298, 299, 13, 21), (285, 300, 12, 20), (271, 301, 12, 20),
            (257, 302, 13, 20), (239, 314, 15, 9));
        Assert.True(LineOfCharacters.Holds(near, 46));

        // Seed 9's 865: a component 19 px tall cleared of its runs, parts 6–12 px tall at no regular pitch.
        var scraps = Parts((37, 33, 9, 12), (50, 34, 8, 12), (60, 34, 16, 10), (133, 34, 9, 11), (81, 35, 6, 9), (92, 35, 10, 9),
            (113, 35, 19, 8), (103, 37, 13, 6));
        Assert.False(LineOfCharacters.Holds(scraps, 19));

        // Four digits of one height at a regular pitch, but one of them stepped off the baseline by half its height: no line.
        Assert.True(LineOfCharacters.Holds(Parts((0, 0, 12, 20), (14, 0, 12, 20), (28, 1, 12, 20), (42, 1, 12, 20)), 40));
        Assert.False(LineOfCharacters.Holds(Parts((0, 0, 12, 20), (14, 0, 12, 20), (28, 10, 12, 20), (42, 1, 12, 20)), 40));
    }
}
