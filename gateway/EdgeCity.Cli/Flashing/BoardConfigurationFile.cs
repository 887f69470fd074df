using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeCity.Firmware.Parking;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Flashing;

/// <summary>
/// The board's configuration file, deployed to its internal storage (<see cref="DevicePath"/>) and read at boot by
/// the firmware's <c>BoardConfigurationReader</c>: one flat JSON object of strings and integers only, so the device
/// parses it without a JSON library. Absent pins and addresses are written as -1, so every key is always present.
/// </summary>
public static class BoardConfigurationFile
{
    /// <summary>Where nanoff puts the file on the ESP32's internal storage (drive I:).</summary>
    public const string DevicePath = @"I:\edgecity.json";

    /// <summary>Version of the key layout; the firmware refuses a file with another version.</summary>
    public const int FormatVersion = 1;

    // Korean stop names stay readable for a technician opening the file; the device only compares ASCII keys.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the configuration of board <paramref name="boardId"/> as UTF-8 JSON.</summary>
    /// <param name="inventory">The validated inventory.</param>
    /// <param name="boardId">A bay's or shelter's id (cameras are not nanoFramework boards).</param>
    /// <param name="gatewayHost">Host name or IP address of the board's gateway.</param>
    /// <param name="apn">Cellular APN, or null on Wi-Fi.</param>
    /// <param name="mqttSecret">The board's provisioned MQTT secret, or null when it has none yet.</param>
    /// <param name="configKey">The board's configuration-signing key (64 hex digits), or null: it then refuses pushed configurations.</param>
    public static byte[] Render(BoardInventory inventory, string boardId, string gatewayHost, string? apn, string? mqttSecret = null, string? configKey = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        EdgeCity.Inventory.Gateway gateway = inventory.FindGateway(inventory.GatewayIdOf(boardId)!)!;
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteString("boardId", boardId);
            json.WriteString("gatewayId", gateway.Id);
            json.WriteString("gatewayHost", gatewayHost);
            json.WriteNumber("gatewayPort", gateway.MqttPort);
            if (apn is not null)
            {
                json.WriteString("apn", apn);
            }

            if (mqttSecret is not null)
            {
                json.WriteString("mqttSecret", mqttSecret);
            }

            if (configKey is not null)
            {
                json.WriteString("configKey", configKey);
            }

            if (inventory.FindBay(boardId) is { } bay)
            {
                json.WriteString("firmware", bay.Firmware);
                WriteSensors(json, bay.Sensors);
                var detector = new BayDetectorSettings(); // thresholds: the firmware's tuned defaults (boards.json has none per bay)
                json.WriteNumber("occupiedThresholdNt", detector.OccupiedThresholdNanotesla);
                json.WriteNumber("freeThresholdNt", detector.FreeThresholdNanotesla);
                json.WriteNumber("strongThresholdNt", detector.StrongThresholdNanotesla);
                json.WriteNumber("confirmSamples", detector.ConfirmSamples);
            }
            else if (inventory.FindShelter(boardId) is { } shelter)
            {
                json.WriteString("firmware", "shelter-bit");
                WriteSensors(json, shelter.Sensors);
                ShelterDisplay d = shelter.Display;
                json.WriteString("displayModel", d.Model);
                json.WriteString("displayBus", d.Bus == DisplayBus.I2c ? "i2c" : "spi");
                json.WriteNumber("displayAddress", HexAddress(d.I2cAddress));
                json.WriteNumber("displayCsPin", d.SpiCsPin ?? -1);
                json.WriteNumber("displayDcPin", d.DcPin ?? -1);
                json.WriteNumber("displayResetPin", d.ResetPin ?? -1);
                json.WriteNumber("displayWidthPx", d.WidthPx);
                json.WriteNumber("displayHeightPx", d.HeightPx);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteSensors(Utf8JsonWriter json, IReadOnlyList<Sensor> sensors)
    {
        json.WriteNumber("sensorCount", sensors.Count);
        for (int i = 0; i < sensors.Count; i++)
        {
            Sensor s = sensors[i];
            string prefix = "sensor" + i.ToString(CultureInfo.InvariantCulture);
            json.WriteString(prefix + "Kind", s.Kind.ToString().ToLowerInvariant());
            json.WriteString(prefix + "Model", s.Model);
            json.WriteNumber(prefix + "Address", s.I2cAddressValue ?? -1);
            json.WriteNumber(prefix + "InterruptPin", s.InterruptPin ?? -1);
            json.WriteNumber(prefix + "Pin", s.Pin ?? -1);
        }
    }

    private static int HexAddress(string? text) =>
        text is { Length: > 2 } && int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value)
            ? value
            : -1;

    /// <summary>The rendered file as text (for tests and dry runs).</summary>
    public static string ToText(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
