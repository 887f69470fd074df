using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A two-digit reading that is the tail of a stacked-region plate whose named looks the frame's other lines refused is no
/// plate (<see cref="RefusedNamedLooks"/>): false plates of the tuning seeds on main 338dc8c, and the rule's bounds.
/// </summary>
public class RefusedNamedLooksTests
{
    [Theory]
    [InlineData(7, 194, "세종53사3047", "53사3047")] // ten looks read 서울53사3047 (refused for the name), four read 53사3047
    [InlineData(9, 746, "전북49바5171", "49바5171")] // the looks read 전남49바5171, refused for the name window's dissent
    public void The_tail_of_a_stacked_plate_whose_named_looks_were_refused_is_no_false_plate(int seed, int scene, string plate, string tail)
    {
        List<string> read = BenchScenes.ReadTexts(scene, seed, out string truth);
        Assert.Equal(plate, truth);
        Assert.DoesNotContain(tail, read);
        Assert.All(read, text => Assert.Equal(truth, text));
    }

    [Fact]
    public void Only_a_two_digit_reading_of_a_refused_named_looks_tail_at_its_place_is_dropped()
    {
        var looks = new RefusedNamedLooks();
        looks.Add(new Rect(100, 100, 80, 30), "서울53사3047");
        looks.Add(new Rect(400, 100, 80, 30), "1234567"); // no name: never a tail's reason
        var candidates = new List<PlateReading>
        {
            new("53사3047", 0.99, 120, 105, 60, 22, "kr-2digit"), // the tail, inside the named look: dropped
            new("53사3047", 0.99, 600, 105, 60, 22, "kr-2digit"), // the same text elsewhere in the frame: another car
            new("54사3047", 0.99, 120, 105, 60, 22, "kr-2digit"), // another tail at that place: not this look's
            new("서울53사3047", 0.95, 100, 100, 80, 30, "kr-regional-stacked"), // a stacked reading is no tail
            new("34567", 0.9, 410, 105, 60, 22, "kr-2digit"),
        };
        looks.DropTails(candidates);
        Assert.Equal(["53사3047", "54사3047", "서울53사3047", "34567"], candidates.Select(c => c.Text));
        Assert.Equal(600, candidates[0].X);

        looks.Clear();
        var again = new List<PlateReading> { new("53사3047", 0.99, 120, 105, 60, 22, "kr-2digit") };
        looks.DropTails(again);
        Assert.Single(again);
    }
}
