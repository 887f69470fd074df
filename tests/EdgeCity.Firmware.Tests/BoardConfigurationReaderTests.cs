using System.Text;
using EdgeCity.Firmware.Configuration;

namespace EdgeCity.Firmware.Tests;

public class BoardConfigurationReaderTests
{
    // As ./edgecity flash renders it for pk-seomyeon1-a013 (indented, every key present).
    private const string FlashedBay = """
        {
          "version": 1,
          "boardId": "pk-seomyeon1-a013",
          "gatewayId": "gw-busan-01",
          "gatewayHost": "10.20.0.2",
          "gatewayPort": 1883,
          "mqttSecret": "q8Zr-secret_from_provision",
          "firmware": "parking-sensor",
          "sensorCount": 2,
          "sensor0Kind": "magnetometer",
          "sensor0Model": "HMC5883L",
          "sensor0Address": 30,
          "sensor0InterruptPin": 4,
          "sensor0Pin": -1,
          "sensor1Kind": "distance",
          "sensor1Model": "VL53L0X",
          "sensor1Address": 41,
          "sensor1InterruptPin": 5,
          "sensor1Pin": -1,
          "occupiedThresholdNt": 1500,
          "freeThresholdNt": 600,
          "strongThresholdNt": 3500,
          "confirmSamples": 4
        }
        """;

    [Fact]
    public void A_flashed_configuration_is_read_with_its_gateway_wiring_and_thresholds()
    {
        BoardConfiguration c = Read(FlashedBay);

        Assert.False(c.IsSafeDefault);
        Assert.Equal("", c.FaultCode);
        Assert.Equal("pk-seomyeon1-a013", c.BoardId);
        Assert.Equal("10.20.0.2", c.GatewayHost);
        Assert.Equal(1883, c.GatewayPort);
        Assert.Equal("q8Zr-secret_from_provision", c.MqttSecret);
        Assert.Equal("parking-sensor", c.Firmware);
        Assert.Equal(2, c.SensorCount);
        Assert.Equal(["magnetometer", "distance"], c.SensorKinds);
        Assert.Equal(["HMC5883L", "VL53L0X"], c.SensorModels);
        Assert.Equal([0x1E, 0x29], c.SensorAddresses);
        Assert.Equal([4, 5], c.SensorInterruptPins);
        Assert.Equal([-1, -1], c.SensorPins);
        Assert.Equal(1500, c.OccupiedThresholdNanotesla);
        Assert.Equal(600, c.FreeThresholdNanotesla);
    }

    [Fact]
    public void No_file_gives_the_safe_default_with_the_missing_fault()
    {
        BoardConfiguration c = BoardConfigurationReader.Read(null, 0);

        Assert.True(c.IsSafeDefault);
        Assert.Equal("config-missing", c.FaultCode);
        Assert.Equal(BoardConfiguration.DefaultGatewayHost, c.GatewayHost);
        Assert.Equal(0, c.SensorCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"version\": 1, \"boardId\": \"pk-seomyeon1-a013\"")]   // truncated in flash
    [InlineData("{\"version\": 1, \"sensors\": [1, 2]}")]                   // not flat
    [InlineData("{\"version\": 1.5}")]                                       // not an integer
    [InlineData("{\"version\": 1} trailing")]
    [InlineData("\u00ff\u00fe garbage")]
    public void A_corrupt_file_gives_the_safe_default_with_the_corrupt_fault(string text)
    {
        BoardConfiguration c = Read(text);

        Assert.True(c.IsSafeDefault);
        Assert.Equal(text.Length == 0 ? "config-missing" : "config-corrupt", c.FaultCode);
    }

    [Theory]
    [InlineData("\"gatewayHost\": \"10.20.0.2\",", "", "config-field-missing:gatewayHost")]
    [InlineData("\"gatewayPort\": 1883", "\"gatewayPort\": 70000", "config-field-invalid:gatewayPort")]
    [InlineData("\"sensor1Address\": 41", "\"sensor1Address\": 200", "config-field-invalid:sensor1Address")]
    [InlineData("\"sensor0Model\": \"HMC5883L\",", "", "config-field-missing:sensor0Model")]
    [InlineData("\"sensor0InterruptPin\": 4", "\"sensor0InterruptPin\": \"4\"", "config-field-invalid:sensor0InterruptPin")]
    [InlineData("\"freeThresholdNt\": 600", "\"freeThresholdNt\": 1600", "config-field-invalid:freeThresholdNt")]
    [InlineData("\"version\": 1", "\"version\": 2", "config-version")]
    public void A_bad_field_gives_the_safe_default_and_names_the_field(string from, string to, string faultCode)
    {
        string text = FlashedBay.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(FlashedBay, text);

        BoardConfiguration c = Read(text);

        Assert.True(c.IsSafeDefault);
        Assert.Equal(faultCode, c.FaultCode);
        Assert.Equal(BoardConfiguration.UnconfiguredBoardId, c.BoardId);
    }

    [Fact]
    public void Escaped_quotes_in_a_string_are_unescaped()
    {
        byte[] text = Encoding.ASCII.GetBytes("{\"apn\": \"a\\\"b\\\\c\"}");
        var json = FlatJsonObject.TryParse(text, text.Length);
        Assert.NotNull(json);
        Assert.True(json.TryGetString("apn", out string apn));
        Assert.Equal("a\"b\\c", apn);
    }

    [Fact]
    public void A_length_beyond_the_buffer_is_clamped_rather_than_read_past_its_end()
    {
        byte[] text = Encoding.ASCII.GetBytes("{\"version\": 1}");
        var json = FlatJsonObject.TryParse(text, text.Length + 100);
        Assert.NotNull(json);
        Assert.True(json.TryGetInt("version", out int version));
        Assert.Equal(1, version);
    }

    private static BoardConfiguration Read(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var padded = new byte[bytes.Length + 16]; // the file buffer is larger than the file; only length counts
        bytes.CopyTo(padded, 0);
        return BoardConfigurationReader.Read(padded, bytes.Length);
    }
}
