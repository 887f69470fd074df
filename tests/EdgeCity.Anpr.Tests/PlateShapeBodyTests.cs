using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A second-look window's plate shape on which no row read text: its body found around the row the shape's proportions put
/// inside it, and its main line read (<see cref="PlateShapeBodies"/>). Scenes of tuning seeds, each lost on e543241.
/// </summary>
public class PlateShapeBodyTests
{
    [Theory]
    [InlineData(2, 841, "전남21사6104")] // yellow two-line, 74 px, motion 1.9 px: a window on its body, no row in it ("detect: no row on plate")
    [InlineData(2, 345, "제주75사5949")] // yellow two-line, 86 px, turned 29°: its rows glued across the lines ("rectify: crooked/scale")
    [InlineData(6, 872, "부산29도4879")] // green two-line, 78 px: its window merged with a car's, no row on the plate
    public void A_far_plate_whose_window_holds_no_readable_row_is_read_from_its_body(int seed, int scene, string text)
    {
        var (frame, truth) = BenchScenes.AssertReads(scene, text, seed: seed);
        using (frame)
        {
            // The body is found from the shape alone, where the plate is.
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            LineSource.Find(grey, null, lightText: true, windows);
            List<PlateBody> bodies = PlateShapeBodies.Bodies(grey, windows, [], []);
            var box = truth.Box;
            Assert.Contains(bodies, b => b.TwoLine && Math.Abs(b.Left - box.Left) <= 6 && Math.Abs(b.Right - box.Right) <= 6);
        }
    }

    [Theory]
    [InlineData(2, 956, "울산35모3326")] // green two-line, 71 px, turned 23°: the body search from the shape took the car's edges
    [InlineData(4, 110, "제주43너2456")] // green two-line, 99 px: a row read its upper line, whose body put the main line on it
    [InlineData(6, 958, "서울08바3231")] // yellow two-line, 60 px on a blue car: the body search reached 176–281 px for a plate at 176–234
    public void A_far_plate_whose_found_bodies_are_wrong_is_read_from_its_shape_as_its_body(int seed, int scene, string text)
    {
        var (frame, truth) = BenchScenes.AssertReads(scene, text, seed: seed);
        using (frame)
        {
            // A shape's own body lies on the plate, every side within a few px.
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            LineSource.Find(grey, null, lightText: true, windows);
            var box = truth.Box;
            Assert.Contains(windows.SelectMany(w => w.Shapes), s => PlateShapeBodies.OwnBody(grey, s.Core) is { } b
                && Math.Abs(b.Left - box.Left) <= 6 && Math.Abs(b.Right - box.Right) <= 6 && Math.Abs(b.Top(b.Left) - box.Top) <= 6 && Math.Abs(b.Bottom(b.Left) - box.Bottom) <= 6);
        }
    }

    [Fact]
    public void Only_a_shape_of_a_two_line_plate_aspect_is_its_own_body()
    {
        using var grey = new Mat(200, 300, MatType.CV_8UC1, Scalar.All(60));
        // A light body with dark text (a yellow plate's): its text dark.
        grey[new Rect(100, 80, 64, 36)].SetTo(Scalar.All(200));
        grey[new Rect(110, 100, 40, 10)].SetTo(Scalar.All(30));
        PlateBody? body = PlateShapeBodies.OwnBody(grey, new Rect(100, 80, 64, 36));
        Assert.NotNull(body);
        Assert.True(body.TwoLine);
        Assert.True(body.DarkText);
        Assert.Equal(100, body.Left);
        Assert.Equal(164, body.Right);
        Assert.Equal(80, body.Top(130), 3);
        Assert.Equal(116, body.Bottom(130), 3);
        // A single-line plate's aspect, a square, and a shape too small for two lines are no two-line body.
        Assert.Null(PlateShapeBodies.OwnBody(grey, new Rect(20, 20, 150, 32)));
        Assert.Null(PlateShapeBodies.OwnBody(grey, new Rect(20, 20, 40, 40)));
        Assert.Null(PlateShapeBodies.OwnBody(grey, new Rect(20, 20, 30, 16)));
    }

    [Fact]
    public void The_row_inside_a_shape_follows_its_proportions()
    {
        TextLine twoLine = PlateShapeBodies.Row(new Rect(100, 200, 70, 40)); // 1.75:1, a two-line plate's body
        Assert.Equal(200 + (0.45f * 40), twoLine.Top(135), 3);
        Assert.Equal(200 + (0.9f * 40), twoLine.Bottom(135), 3);
        TextLine single = PlateShapeBodies.Row(new Rect(100, 200, 150, 32)); // 4.7:1, a single-line plate's
        Assert.Equal(200 + (0.14f * 32), single.Top(175), 3);
        Assert.Equal(200 + (0.86f * 32), single.Bottom(175), 3);
    }

    [Fact]
    public void A_shape_on_which_a_row_read_text_is_left_to_that_row()
    {
        // The plate of seed 2's 841: its shape's body is looked for only while no row on it read two characters or more
        // (a row that did has its own body looked for, PlateBodyRows); nor is a body found twice.
        var (frame, truth) = BenchScenes.Load(841, seed: 2);
        using (frame)
        {
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            LineSource.Find(grey, null, lightText: true, windows);
            List<PlateBody> bodies = PlateShapeBodies.Bodies(grey, windows, [], []);
            Assert.NotEmpty(bodies);
            var box = truth.Box;
            var shapes = windows.SelectMany(w => w.Shapes).Where(s => s.Core.IntersectsWith(new Rect(box.Left, box.Top, box.Width, box.Height))).ToList();
            Assert.NotEmpty(shapes);
            // A row on every shape that read two characters: no shape's body looked for there from its row (the shapes'
            // own bodies are read all the same: PlateShapeBodies.OwnBody).
            var readRows = shapes.Select(s => (PlateShapeBodies.Row(s.Core), 2)).ToList();
            var own = windows.SelectMany(w => w.Shapes).Select(s => PlateShapeBodies.OwnBody(grey, s.Core)).OfType<PlateBody>().ToList();
            Assert.DoesNotContain(PlateShapeBodies.Bodies(grey, windows, readRows, []), b => !own.Exists(b.SameAs) && b.Left < box.Right && b.Right > box.Left && b.Top(b.Left) < box.Bottom && b.Bottom(b.Left) > box.Top);
            Assert.DoesNotContain(PlateShapeBodies.Bodies(grey, windows, [], bodies), b => bodies.Exists(b.SameAs));
            // A row that read one character does not count (PlateBodyRows.MinTextRead).
            var weakRows = shapes.Select(s => (PlateShapeBodies.Row(s.Core), 1)).ToList();
            Assert.Equal(bodies.Count, PlateShapeBodies.Bodies(grey, windows, weakRows, []).Count);
        }
    }
}
