using EdgeCity.Anpr.LineRecognition;
using EdgeCity.Cli.Benchmarks.AnprBench;
using Xunit;

namespace EdgeCity.Cli.Tests;

/// <summary><c>bench anpr</c>'s environment switches: read as given, and a typo named before the run starts.</summary>
public sealed class AnprBenchSwitchesTests
{
    private static Func<string, string?> Environment(string? lineReader = null, string? scenes = null) =>
        name => name switch { "ANPR_LINE_READER" => lineReader, "ANPR_SCENES" => scenes, _ => null };

    [Fact]
    public void Unset_switches_run_every_scene_with_the_default_reader()
    {
        Assert.True(AnprBenchSwitches.TryRead(Environment(), out AnprBenchSwitches switches, out _));
        Assert.Null(switches.LineReader);
        Assert.Null(switches.Scenes);
    }

    [Fact]
    public void Scene_numbers_and_a_reader_are_read_with_spaces_and_stray_commas()
    {
        Assert.True(AnprBenchSwitches.TryRead(Environment("crnn", " 330, 857,,12,"), out AnprBenchSwitches switches, out string error), error);
        Assert.Equal(LineReaderMode.Crnn, switches.LineReader);
        Assert.Equal(new[] { 12, 330, 857 }, switches.Scenes!.Order());
    }

    [Theory]
    [InlineData("330,85x", "item 2 ('85x')")]
    [InlineData("-4", "item 1 ('-4')")]
    [InlineData("330;857", "item 1 ('330;857')")]
    [InlineData(",", "names no scene")]
    public void A_scene_list_that_is_not_numbers_is_refused_naming_the_item(string scenes, string named)
    {
        Assert.False(AnprBenchSwitches.TryRead(Environment(scenes: scenes), out _, out string error));
        Assert.StartsWith("ANPR_SCENES: ", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Contains("e.g. 330,857", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Crn")]
    [InlineData("7")]
    public void An_unknown_line_reader_is_refused_listing_the_readers(string mode)
    {
        Assert.False(AnprBenchSwitches.TryRead(Environment(lineReader: mode), out _, out string error));
        Assert.Equal($"ANPR_LINE_READER: '{mode}' is not a line reader; expected one of Glyphs, Crnn, GlyphsThenCrnn, Both", error);
    }
}
