using EdgeCity.Anpr.Camera;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

public class RoiMaskTests
{
    [Fact]
    public void The_mask_is_set_inside_the_polygon_only()
    {
        using Mat mask = RoiMask.Parse("100,100 300,100 300,200 100,200").ToMat(new Size(640, 360));
        Assert.Equal(255, mask.At<byte>(150, 200));
        Assert.Equal(0, mask.At<byte>(50, 50));
        Assert.Equal(0, mask.At<byte>(300, 600));
    }

    [Theory]
    [InlineData("1,2 3,4", "ROI polygon 1: expected at least 3 points")]
    [InlineData("0,0 10,0 10,x", "ROI polygon 1, point 3: expected 'x,y'")]
    [InlineData("0,0 10,0 10,10; 5,5 6,6 -1,7", "ROI polygon 2, point 3")]
    public void A_bad_polygon_names_the_polygon_and_point(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => RoiMask.Parse(text)).Message, StringComparison.Ordinal);
}
