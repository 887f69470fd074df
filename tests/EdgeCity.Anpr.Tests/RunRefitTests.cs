using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The refit both first-warp refits share (<c>RunRefit</c>): lines through the run's full-height characters, and the
/// run's ends as the row's extent — kept at least the row's where the run is the row's own characters
/// (<c>LineRectifier</c>), the run's alone where it is text of the other polarity (<c>MainLineSearch</c>), mapped along
/// the main line's middle or the run's own.
/// </summary>
public class RunRefitTests
{
    private const int H = RectifiedLine.CharHeight;

    // Four characters on the warp's main line, one taller (glued to a bolt) whose bottom is off the line.
    private static readonly List<GlyphBox> Run =
    [
        new(100, RectifiedLine.MainTop, 20, H), new(125, RectifiedLine.MainTop, 20, H),
        new(150, RectifiedLine.MainTop, 20, H + 12), new(175, RectifiedLine.MainTop, 20, H),
    ];

    private static readonly TextLine Row = new(true, 60, 300, 0, 0, 40, 0, 6);

    [Fact]
    public void The_lines_go_through_the_full_height_characters()
    {
        using RectifiedLine warp = Warp(shear: 0);
        TextLine refit = RunRefit.Through(Row, Run, warp, 1280, RectifiedLine.MainTop + (H / 2f), neverShorter: true, []);
        Assert.Equal(RectifiedLine.MainTop, refit.TopIntercept, 3);
        Assert.Equal(RectifiedLine.MainBottom, refit.BottomIntercept, 3);
        Assert.Equal(0, refit.TopSlope, 6);
        Assert.Equal(0, refit.BottomSlope, 6);
    }

    [Fact]
    public void The_rows_own_run_never_shortens_it_and_another_polaritys_run_replaces_its_extent()
    {
        using RectifiedLine warp = Warp(shear: 0);
        TextLine own = RunRefit.Through(Row, Run, warp, 1280, RectifiedLine.MainTop + (H / 2f), neverShorter: true, []);
        Assert.Equal((60f, 300f), (own.Left, own.Right));
        TextLine other = RunRefit.Through(Row, Run, warp, 1280, middle: null, neverShorter: false, []);
        Assert.Equal((100f, 195f), (other.Left, other.Right));
    }

    [Fact]
    public void The_ends_are_mapped_along_the_given_middle_or_the_runs_own()
    {
        // A sheared warp: a point's frame x moves with its row (x + 0.5·y).
        using RectifiedLine warp = Warp(shear: 0.5);
        TextLine atMainLine = RunRefit.Through(Row with { Left = 500 }, Run, warp, 1280, 30f, neverShorter: false, []);
        Assert.Equal(100 + (0.5f * 30), atMainLine.Left, 3);
        // The run's own middle: the mean of its full-height characters' middles (the taller one left out).
        TextLine atOwn = RunRefit.Through(Row with { Left = 500 }, Run, warp, 1280, middle: null, neverShorter: false, []);
        Assert.Equal(100 + (0.5f * (RectifiedLine.MainTop + (H / 2f))), atOwn.Left, 3);
    }

    private static RectifiedLine Warp(double shear) =>
        new(new Mat(RectifiedLine.Rows, 300, MatType.CV_8UC1, Scalar.All(255)), Mat.FromPixelData(3, 3, MatType.CV_64FC1, new double[] { 1, shear, 0, 0, 1, 0, 0, 0, 1 }).Clone());
}
