using EdgeCity.FontGenerator;
using EdgeCity.Firmware.Shelter.Display;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.Shelter.Tests.Boundaries;
using EdgeCity.Testing;
using Xunit.Abstractions;

namespace EdgeCity.Shelter.Tests;

public sealed class ShelterDisplayTests(ITestOutputHelper output)
{
    // 10:00 KST on a March morning: in service, daylight (a fixed 5,000 lux).
    private static readonly DateTimeOffset Morning = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_Korean_and_the_English_pages_are_saved_as_PNGs_and_show_the_rendered_text_pixel_for_pixel()
    {
        using var board = ShelterRig.Build(Morning, TimeSpan.FromMinutes(1), clock => new RecordingRadio(clock), fixedLux: 5000);
        string folder = Path.Combine(RepositoryFiles.Root, ".artifacts", "shelter-display");
        Directory.CreateDirectory(folder);

        board.RunUntil(board.Clock.NowUnixMs + 1_000);
        string korean = Path.Combine(folder, "shelter-display-ko.png");
        board.Display.SavePng(korean);
        AssertShows(board, "인천대입구역", 0, 0, ArrivalPageComposer.Bright);
        AssertShows(board, "M6724", 0, 16, ArrivalPageComposer.Bright);
        AssertShows(board, "서울역", ArrivalPageComposer.RouteColumnPx, 16, ArrivalPageComposer.Dim);
        AssertShows(board, "인천공항", ArrivalPageComposer.RouteColumnPx, 48, ArrivalPageComposer.Dim);

        board.RunUntil(board.Clock.NowUnixMs + board.Settings.RotationIntervalMs);
        string english = Path.Combine(folder, "shelter-display-en.png");
        board.Display.SavePng(english);
        AssertShows(board, "Incheon Nat'l Univ.", 0, 0, ArrivalPageComposer.Bright);
        AssertShows(board, "Seoul Station", ArrivalPageComposer.RouteColumnPx, 16, ArrivalPageComposer.Dim);
        AssertShows(board, "M6724", 0, 16, ArrivalPageComposer.Bright);

        // The files themselves, read back, against the text rendered afresh from the font by SkiaSharp.
        AssertPngShowsRenderedText(korean, "인천대입구역", 0, 0, ArrivalPageComposer.Bright);
        AssertPngShowsRenderedText(korean, "서울역", ArrivalPageComposer.RouteColumnPx, 16, ArrivalPageComposer.Dim);
        AssertPngShowsRenderedText(english, "Incheon Nat'l Univ.", 0, 0, ArrivalPageComposer.Bright);
        AssertPngShowsRenderedText(english, "Seoul Station", ArrivalPageComposer.RouteColumnPx, 16, ArrivalPageComposer.Dim);
        Assert.Equal("ok", DisplayHealthMonitor.NameOf(board.Program.DisplayHealth.Health));
        output.WriteLine($"saved {korean} and {english}");
    }

    [Fact]
    public void A_controller_that_stops_answering_is_reported_as_no_answer_in_a_heartbeat()
    {
        RecordingRadio? radio = null;
        using var board = ShelterRig.Build(Morning, TimeSpan.FromMinutes(30), clock => radio = new RecordingRadio(clock), fixedLux: 5000);
        board.RunUntil(board.Clock.NowUnixMs + 60_000);
        board.Display.NoAnswer = true;
        board.RunUntil(board.Clock.NowUnixMs + (3 * board.Settings.DisplayProbeIntervalMs));

        Assert.Equal(DisplayHealth.NoAnswer, board.Program.DisplayHealth.Health);
        Assert.Contains(radio!.On("heartbeat"), h => h.GetProperty("display").GetString() == "no-answer");
    }

    [Fact]
    public void A_controller_that_ignores_writes_is_reported_as_stuck()
    {
        using var board = ShelterRig.Build(Morning, TimeSpan.FromMinutes(30), clock => new RecordingRadio(clock), fixedLux: 5000);
        board.RunUntil(board.Clock.NowUnixMs + 60_000);
        board.Display.Stuck = true;
        board.RunUntil(board.Clock.NowUnixMs + (3 * board.Settings.DisplayProbeIntervalMs));

        Assert.Equal(DisplayHealth.Stuck, board.Program.DisplayHealth.Health);
    }

    // Renders the text with the font generator's rasteriser straight from NanumGothic (not from the committed
    // glyph table) and compares every pixel of its cells with the PNG (scaled 3×, grey levels × 17).
    private static void AssertPngShowsRenderedText(string png, string text, int x, int y, int grey)
    {
        const int Scale = 3;
        var (width, height, pixels) = GreyPngReader.Read(png);
        Assert.Equal((256 * Scale, 64 * Scale), (width, height));
        using var font = new GlyphRasterizer("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 15, ShelterFont16.HeightPx);
        int lit = 0;
        foreach (char c in text)
        {
            var (advance, set) = font.Rasterize(c);
            for (int row = 0; row < ShelterFont16.HeightPx; row++)
            {
                for (int col = 0; col < advance; col++)
                {
                    int expected = set[(row * advance) + col] ? grey * 17 : 0;
                    int shown = pixels[(((y + row) * Scale) + 1) * width + ((x + col) * Scale) + 1];
                    Assert.True(shown == expected, $"{Path.GetFileName(png)}: '{text}': pixel ({x + col}, {y + row}) of '{c}' is {shown}, rendered text has {expected}");
                    lit += expected > 0 ? 1 : 0;
                }
            }

            x += advance;
        }

        Assert.True(lit > 10 * text.Length, $"'{text}' rendered almost nothing ({lit} pixels)");
    }

    // Draws the text independently from the glyph table and compares every pixel of its cells with the panel.
    private static void AssertShows(SimulatedShelterBoard board, string text, int x, int y, int grey)
    {
        foreach (char c in text)
        {
            int index = Array.BinarySearch(ShelterFont16.Codes, c);
            Assert.True(index >= 0, $"'{c}' is not in the glyph table");
            int advance = ShelterFont16.Advances[index];
            int bytesPerRow = (advance + 7) / 8;
            for (int row = 0; row < ShelterFont16.HeightPx; row++)
            {
                for (int col = 0; col < advance; col++)
                {
                    bool set = (ShelterFont16.Bits[ShelterFont16.Offsets[index] + (row * bytesPerRow) + (col / 8)] & (0x80 >> (col % 8))) != 0;
                    int shown = board.Display.PixelAt(x + col, y + row);
                    Assert.True(shown == (set ? grey : 0), $"'{text}': pixel ({x + col}, {y + row}) of '{c}' shows {shown}, expected {(set ? grey : 0)}");
                }
            }

            x += advance;
        }
    }
}
