using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The two line readers together (the default): a Latin reading of the line network needs the glyph reader's backing,
/// a reading both give is reported with the surer one's confidence, and the network's characters under its floor
/// count when the glyph classifier reads the same there. Real rendered bench scenes (seed 1).
/// </summary>
public sealed class LineReaderAgreementTests
{
    [Theory]
    [InlineData(1429, "VB555TK")] // a sign "EXIT 3", read ET3 by the line network alone
    [InlineData(1423, "HH469GW")] // a sign "B 123"
    [InlineData(192, "NUFME841")] // a sign "SALE 50%", read S4LE5096
    [InlineData(674, "41PVT4")] // a sign "PARKING", read P4RNG
    public void Signs_the_line_network_reads_as_eu_plates_are_not_reported(int scene, string plate)
    {
        var read = ReadEu(scene, plate);
        Assert.True(read.SequenceEqual([plate]), $"bench scene {scene} (seed {BenchScenes.Seed}): read [{string.Join(',', read)}], expected only {plate}");
    }

    [Theory]
    [InlineData(351, "VH907AY")] // the glyph reader's run H907AY leaves out the V the network reads
    [InlineData(644, "87PHA9")] // the glyph run 87PH stops short of a blurred A9
    [InlineData(660, "50MST8")] // both read 50MST8; the network's 50ST8 of another row is less sure than the agreement
    public void Eu_plates_the_line_network_completes_or_agrees_on_are_read(int scene, string plate)
    {
        var read = ReadEu(scene, plate);
        Assert.True(read.SequenceEqual([plate]), $"bench scene {scene} (seed {BenchScenes.Seed}): read [{string.Join(',', read)}], expected only {plate}");
    }

    [Theory]
    [InlineData(1714, "372저4424")] // the network's weak 저, confirmed in its place; the glyph reader's cut fails
    [InlineData(91, "울산90두5383")] // a two-line plate whose main line's 두 the network is unsure of
    [InlineData(868, "경남06자6272")] // stacked: the glyph reader missed the faint 경남 and read 06자6272
    [InlineData(1658, "제주06배9959")] // the glyph CNN reads the network's weak character at 0.3–0.5 in its place
    // Not 589 (대전86아1544) since the network's class Hangul alone is fused with the glyph CNN's (SyllableFusion.FuseAlone):
    // its 아 0.91 / 마 0.09 against the glyph CNN's 마 0.65 / 아 0.14 on the place is a coin toss, refused (docs/anpr.md).
    public void The_line_networks_weak_characters_confirmed_by_the_glyph_classifier_are_read(int scene, string plate) =>
        BenchScenes.AssertReads(scene, plate).Frame.Dispose();

    [Fact]
    public void A_sure_korean_reading_that_ends_whole_leaves_out_nothing_after_its_end() =>
        // Seed 15's 844 698배1891 (yellow, motion-blurred): what stood beside its last 1 under blur (a box, or the 1's run
        // reaching on past its place) was taken as a character the network left out; no Korean plate has anything after
        // its four digits.
        BenchScenes.AssertReads(844, "698배1891", seed: 15).Frame.Dispose();

    [Theory]
    [InlineData("H907AY", "VH907AY", 1)]
    [InlineData("PARK", "P4RNG", 3)]
    [InlineData("서울12가3456", "서울12가3456", 0)]
    [InlineData("", "AB1", 3)]
    public void Levenshtein_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, TextDistance.Levenshtein(a, b));
        Assert.Equal(expected, TextDistance.Levenshtein(b, a));
    }

    private static List<string> ReadEu(int scene, string plate)
    {
        var (frame, truth) = BenchScenes.Load(scene);
        using (frame)
        {
            Assert.Equal(plate, truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            return recognizer.Read(frame).Select(r => r.Text).ToList();
        }
    }
}
