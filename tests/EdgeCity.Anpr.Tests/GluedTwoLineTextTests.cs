using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Far green two-line plates whose light text the half-resolution search sees only as pieces glued across the two
/// lines (<see cref="GluedTwoLineText"/>): the cluster of pieces, not single-line text. The plates it finds (bench scenes
/// 1711, 1802, 1926, lost at detection on main ccf6fc4) are read in <see cref="SecondLookTests"/>.
/// </summary>
public class GluedTwoLineTextTests
{
    [Fact]
    public void Pieces_of_a_far_two_line_plate_make_a_cluster_and_a_row_of_single_line_text_does_not()
    {
        // Half-resolution boxes: scene 1711's five light pieces (its lines glued; the 2×8 one, 3 px above its neighbour, is
        // not taken: four pieces 31×18), and five touching characters of one 14-px line (3.5 times as long as tall:
        // single-line text, which makes a row of its own).
        var plate = new List<CharacterBlob> { new(501, 219, 2, 8), new(471, 225, 10, 6), new(476, 224, 17, 17), new(495, 230, 4, 10), new(468, 232, 7, 10) };
        Assert.Equal([new Rect(468, 224, 31, 18)], GluedTwoLineText.Find(plate));
        var line = Enumerable.Range(0, 5).Select(i => new CharacterBlob(100 + (i * 10), 50, 9, 14)).ToList();
        Assert.Empty(GluedTwoLineText.Find(line));
    }
}
