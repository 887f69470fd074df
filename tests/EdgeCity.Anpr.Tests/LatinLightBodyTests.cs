using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A light EU plate on a darker car whose dark text made no row: the light rows of a frame that read nothing, the body
/// among them, its dark text line read (<see cref="LightPlateBody.LikelyRows"/>, <c>PlateRecognizer.ReadLightBodies</c>).
/// </summary>
public class LatinLightBodyTests
{
    private static TextLine Row(float width, float height, bool dark = false) => new(dark, 300, 300 + width, 100, 0, 100 + height, 0, 5);

    [Theory]
    [InlineData(137, 4, "GX34")] // white, 111 px, yaw 16°, sharp, on a dark car: GX34 on the body's dark text line in both readers
    [InlineData(879, 2, "36RWK4")] // white, 96 px, yaw -27°, sharp, on a dark car
    public void A_plate_whose_only_row_was_its_light_body_is_read(int index, int seed, string plate) =>
        BenchScenes.AssertReads(index, plate, "eu", seed).Frame.Dispose();

    [Fact]
    public void A_frame_that_read_a_plate_searches_no_light_rows()
    {
        var (frame, _) = BenchScenes.AssertReads(1908, "51WWB2", "eu");
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            recognizer.Read(frame);
            Assert.Equal(0, recognizer.LightRowSearches);
        }
    }

    [Fact]
    public void The_korean_recognizer_takes_its_light_bodies_from_the_rows_it_reads()
    {
        // It searches light text anyway (green plates): no second search of light rows.
        var (frame, _) = BenchScenes.Load(137, seed: 4);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            recognizer.Read(frame);
            Assert.Equal(0, recognizer.LightRowSearches);
        }
    }

    [Theory]
    [InlineData(100, 28, true)] // 3.6:1, a plate's body with the ink test's halo
    [InlineData(60, 28, false)] // 2.1:1, a block, a window
    [InlineData(200, 28, false)] // 7.1:1, a sign's band, a bumper
    public void A_light_row_is_refitted_where_its_shape_may_be_a_plates_body(float width, float height, bool refitted) =>
        Assert.Equal(refitted, LightPlateBody.LikelyRows([Row(width, height)]).Any());

    [Fact]
    public void Dark_rows_are_not_taken_and_the_best_shaped_come_first()
    {
        TextLine near = Row(104, 28), far = Row(160, 28), dark = Row(104, 28, dark: true);
        Assert.Equal([near, far], LightPlateBody.LikelyRows([far, dark, near]));
    }

    [Fact]
    public void At_most_four_light_rows_are_refitted_a_frame() =>
        Assert.Equal(LightPlateBody.MaxRowsRefitted, LightPlateBody.LikelyRows(Enumerable.Range(0, 9).Select(i => Row(100 + i, 28))).Count());
}
