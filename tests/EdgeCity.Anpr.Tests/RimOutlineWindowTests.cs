using EdgeCity.Anpr.Detection;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A far plate whose rim and characters are one wide, sparse component at half resolution is a plate shape for the
/// second look (its scenes are read in <see cref="SecondLookTests"/>); a near plate's rim is not: its text makes rows of its own.
/// </summary>
public class RimOutlineWindowTests
{
    [Fact]
    public void Only_a_far_plates_size_is_an_outline()
    {
        Assert.True(BlobExtractor.IsSmallPlateOutline(53, 28));
        Assert.False(BlobExtractor.IsSmallPlateOutline(BlobExtractor.SmallPlateMaxWidthPx + 1, 30));
    }
}
