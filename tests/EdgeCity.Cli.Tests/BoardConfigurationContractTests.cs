using EdgeCity.Cli.Flashing;
using EdgeCity.Firmware.Configuration;
using EdgeCity.Inventory;
using EdgeCity.Testing;

namespace EdgeCity.Cli.Tests;

/// <summary>The file the flasher writes is the file the firmware reads: every board of boards.json, both ends.</summary>
public class BoardConfigurationContractTests
{
    [Fact]
    public void Every_bay_and_shelter_configuration_the_flasher_renders_is_read_by_the_firmware_without_a_fault()
    {
        BoardInventory inventory = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson);
        var boards = inventory.Bays.Select(b => (b.Id, b.Sensors)).Concat(inventory.Shelters.Select(s => (s.Id, s.Sensors))).ToList();
        Assert.Equal(67, boards.Count);

        foreach (var (id, sensors) in boards)
        {
            byte[] file = BoardConfigurationFile.Render(inventory, id, "10.20.0.2", apn: null);
            BoardConfiguration c = BoardConfigurationReader.Read(file, file.Length);

            Assert.True(c.Fault == ConfigurationFault.None, $"{id}: {c.FaultCode}");
            Assert.Equal(id, c.BoardId);
            Assert.Equal("10.20.0.2", c.GatewayHost);
            Assert.Equal(inventory.FindGateway(inventory.GatewayIdOf(id)!)!.MqttPort, c.GatewayPort);
            Assert.Equal(sensors.Select(s => s.Model), c.SensorModels);
            Assert.Equal(sensors.Select(s => s.I2cAddressValue ?? -1), c.SensorAddresses);
            Assert.Equal(sensors.Select(s => s.InterruptPin ?? -1), c.SensorInterruptPins);
            Assert.Equal(sensors.Select(s => s.Pin ?? -1), c.SensorPins);
        }
    }
}
