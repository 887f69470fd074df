using EdgeCity.Cli.Fleet;
using EdgeCity.Gateway.Fleet;
using EdgeCity.HardwareSim.Radio;

namespace EdgeCity.Cli.Tests;

/// <summary><c>./edgecity fleet status</c>: the table a person reads, and what it says when the gateway does not answer.</summary>
public sealed class FleetStatusCommandLineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_table_has_one_aligned_line_per_board_and_a_summary()
    {
        var boards = new List<FleetBoardStatus>
        {
            new("pk-a001", true, Now.AddMinutes(-3), "parking-sensor/0.2.0", 2, null, "applied 2", 3590, []),
            new("pk-a002", false, Now.AddHours(-30), "parking-sensor/0.2.0", 1, 2, "rolled-back 2: gateway-unreachable", 3010, ["battery-low", "config-rolled-back:gateway-unreachable"]),
            new("pk-a003", null, null, null, null, null, null, null, []),
        };
        var output = new StringWriter();
        FleetTable.Write(boards, Now, output);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(5, lines.Length);
        Assert.StartsWith("board    online  last contact  firmware              config         battery  faults", lines[0], StringComparison.Ordinal);
        Assert.Equal("pk-a001  yes     3m ago        parking-sensor/0.2.0  2              3590 mV  -", lines[1].TrimEnd());
        Assert.Equal("pk-a002  no      30h ago       parking-sensor/0.2.0  1 (2 pending)  3010 mV  battery-low,config-rolled-back:gateway-unreachable", lines[2].TrimEnd());
        Assert.Equal("pk-a003  -       never         -                     -              -        -", lines[3].TrimEnd());
        Assert.Equal("3 boards: 1 online, 1 offline, 1 never seen; 1 with faults; 1 with configuration pending", lines[4].TrimEnd());
    }

    [Fact]
    public async Task A_gateway_that_does_not_answer_is_named()
    {
        string dead = $"http://127.0.0.1:{FreeLoopbackPort.Find()}";
        var (exit, _, stderr) = await CliProcess.RunAsync("fleet", "status", "--gateway", dead);
        Assert.Equal(FleetStatusCommand.GatewayUnreachable, exit);
        Assert.Contains($"fleet status: cannot ask the gateway at {dead}", stderr, StringComparison.Ordinal);
    }
}
