using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A row found above its plate's text (<see cref="RowAboveText"/>): its first warp shows the characters' tops running
/// out of its bottom edge, and the row is lowered to them for a first warp of its own.
/// </summary>
public class RowAboveTextTests
{
    [Fact]
    public void A_row_pulled_above_its_text_by_a_grille_is_lowered_and_read()
    {
        // 38루5606 (seed 8, white, 217 px, yaw −29°, sharp; a grille's stripes above it): the row's lines (slopes 0.11
        // against the plate's 0.17–0.19) ran ~0.4 of a character above the text at the right; main 43a4d67 read nothing.
        BenchScenes.AssertReads(129, "38루5606", seed: 8).Frame.Dispose();
    }

    [Fact]
    public void Characters_cut_by_the_bottom_edge_lower_the_row_by_their_drop()
    {
        // Six characters 12 px below the main line's top, running out of the warp's bottom edge.
        using RectifiedLine first = Warp(top: RectifiedLine.MainTop + 12, bottom: RectifiedLine.Rows);
        var line = new TextLine(true, 100, 300, TopIntercept: 50, TopSlope: 0.1f, BottomIntercept: 82, BottomSlope: 0.1f, BlobCount: 6);
        TextLine? lowered = RowAboveText.Lowered(first, line, Threshold(first), RowLeft, first.Width - RowLeft);
        Assert.NotNull(lowered);
        // 12 of 32 warp rows: 0.375 of the row's 32-px height, 12 px lower in the frame, the slopes kept.
        Assert.Equal(line.Top(200) + 12, lowered.Top(200), 0.5);
        Assert.Equal(line.Bottom(200) + 12, lowered.Bottom(200), 0.5);
        Assert.Equal(line.TopSlope, lowered.TopSlope, 3);
    }

    [Fact]
    public void Full_height_characters_leave_the_row_where_it_is()
    {
        using RectifiedLine first = Warp(top: RectifiedLine.MainTop, bottom: RectifiedLine.MainBottom);
        var line = new TextLine(true, 100, 300, 50, 0, 82, 0, 6);
        Assert.Null(RowAboveText.Lowered(first, line, Threshold(first), RowLeft, first.Width - RowLeft));
    }

    [Fact]
    public void Two_cut_blobs_are_no_plate_text()
    {
        using RectifiedLine first = Warp(top: RectifiedLine.MainTop + 12, bottom: RectifiedLine.Rows, count: 2);
        var line = new TextLine(true, 100, 300, 50, 0, 82, 0, 6);
        Assert.Null(RowAboveText.Lowered(first, line, Threshold(first), RowLeft, first.Width - RowLeft));
    }

    private const int RowLeft = (int)(LineRectifier.SearchExtension * RectifiedLine.CharHeight);

    private static double Threshold(RectifiedLine first) => GlyphSegmenter.MainThreshold(first, RowLeft, first.Width - RowLeft);

    // A first warp (the search's extension both sides) of dark characters 18 px wide, 6 px apart, between two rows.
    private static RectifiedLine Warp(int top, int bottom, int count = 6)
    {
        int width = (2 * RowLeft) + (count * 24);
        var grey = new Mat(RectifiedLine.Rows, width, MatType.CV_8UC1, Scalar.All(210));
        for (int i = 0; i < count; i++) Cv2.Rectangle(grey, new Rect(RowLeft + (i * 24), top, 18, bottom - top), Scalar.All(30), -1);
        return new RectifiedLine(grey, Mat.Eye(3, 3, MatType.CV_64FC1).ToMat()) { LeftExtension = LineRectifier.SearchExtension, RightExtension = LineRectifier.SearchExtension };
    }
}
