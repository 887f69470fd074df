namespace EdgeCity.Cli.Tests;

public class BoardsShowCommandLineTests
{
    [Fact]
    public async Task A_bay_is_shown_with_its_lot_location_sensor_wiring_and_gateway()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("boards", "show", "pk-seomyeon1-a013");
        Assert.True(exit == 0, stderr);
        Assert.Contains("kind      parking bay sensor (firmware parking-sensor)", stdout, StringComparison.Ordinal);
        Assert.Contains("busan-lot-seomyeon-1 (서면 부전동 공영주차장", stdout, StringComparison.Ordinal);
        Assert.Contains("bay A-013", stdout, StringComparison.Ordinal);
        Assert.Contains("location  35.155601, 129.059328", stdout, StringComparison.Ordinal);
        Assert.Contains("gw-busan-01", stdout, StringComparison.Ordinal);
        Assert.Matches(@"magnetometer\s+HMC5883L\s+0x1E\s+GPIO 4\s+-", stdout);
        Assert.Matches(@"distance\s+VL53L0X\s+0x29\s+GPIO 5\s+-", stdout);
    }

    [Fact]
    public async Task A_shelter_is_shown_with_its_display_wiring_and_the_pir_pin()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("boards", "show", "bit-songdo-incheon-univ-stn");
        Assert.True(exit == 0, stderr);
        Assert.Contains("SSD1322 256x64 px on SPI (CS GPIO 5, DC GPIO 16, reset GPIO 17)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"presence\s+PIR\s+-\s+-\s+GPIO 27", stdout);
        Assert.Contains("gw-songdo-01", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_board_id_is_refused_with_exit_code_1()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("boards", "show", "pk-nowhere");
        Assert.Equal(1, exit);
        Assert.Contains("'pk-nowhere' is not a board of boards.json (expected a bay, shelter or camera id)", stderr, StringComparison.Ordinal);
    }
}
