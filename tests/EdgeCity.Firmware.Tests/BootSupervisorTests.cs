using System.Text;
using System.Text.Json;
using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Tests.Boundaries;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests;

public class BootSupervisorTests
{
    private const string Good = """
        {"version": 1, "boardId": "pk-seomyeon1-a013", "gatewayHost": "10.20.0.2", "gatewayPort": 1883, "sensorCount": 1,
         "sensor0Kind": "magnetometer", "sensor0Model": "HMC5883L", "sensor0Address": 30, "sensor0InterruptPin": 4, "sensor0Pin": -1}
        """;

    [Fact]
    public void A_good_configuration_boots_normally_and_reports_no_faults()
    {
        var supervisor = new BootSupervisor(new BootLoopGuard(new RamMemory(), 5, 60));
        Assert.False(supervisor.Boot(Bytes(Good), Bytes(Good).Length));
        Assert.Equal("pk-seomyeon1-a013", supervisor.Configuration.BoardId);

        JsonElement status = Status(supervisor);
        Assert.False(status.GetProperty("safeMode").GetBoolean());
        Assert.False(status.TryGetProperty("faults", out _));
    }

    [Fact]
    public void A_boot_loop_ends_in_safe_mode_that_only_a_good_configuration_ends()
    {
        var memory = new RamMemory();
        BootSupervisor supervisor = null!;
        for (int boot = 1; boot <= 5; boot++)
        {
            supervisor = new BootSupervisor(new BootLoopGuard(memory, 5, 60));
            supervisor.Boot(Bytes(Good), Bytes(Good).Length); // each boot crashes before 60 s of uptime
        }

        Assert.True(supervisor.InSafeMode);
        Assert.Equal("boot-loop:5", Status(supervisor).GetProperty("faults").GetString());

        Assert.False(supervisor.TryApply(Bytes("{\"version\": 1}"), 14, out BoardConfiguration? rejected));
        Assert.Equal("config-field-missing:boardId", rejected!.FaultCode);
        Assert.True(supervisor.InSafeMode);

        Assert.True(supervisor.TryApply(Bytes(Good), Bytes(Good).Length, out _));
        Assert.False(supervisor.InSafeMode);
        var next = new BootSupervisor(new BootLoopGuard(memory, 5, 60));
        Assert.False(next.Boot(Bytes(Good), Bytes(Good).Length));
    }

    [Fact]
    public void A_missing_file_during_a_boot_loop_reports_both_faults()
    {
        var memory = new RamMemory();
        BootSupervisor supervisor = null!;
        for (int boot = 1; boot <= 5; boot++)
        {
            supervisor = new BootSupervisor(new BootLoopGuard(memory, 5, 60));
            supervisor.Boot(null, 0);
        }

        Assert.Equal("boot-loop:5,config-missing", Status(supervisor).GetProperty("faults").GetString());
        Assert.Equal(BoardConfiguration.DefaultGatewayHost, supervisor.Configuration.GatewayHost);
    }

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private static JsonElement Status(BootSupervisor supervisor)
    {
        var writer = new JsonPayloadWriter(new byte[256]);
        writer.Begin();
        supervisor.WriteStatus(writer);
        Assert.True(writer.End());
        return JsonDocument.Parse(Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length)).RootElement.Clone();
    }
}
