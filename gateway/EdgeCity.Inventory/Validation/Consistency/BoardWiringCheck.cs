using System.Globalization;
using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// On one board each GPIO drives one thing and each I2C address answers for one part: two sensors on GPIO 4,
/// or an HMC5883L and an LIS2MDL both at 0x1E, cannot both work.
/// </summary>
internal static class BoardWiringCheck
{
    private static readonly string[] SensorPins = ["interruptPin", "pin"];
    private static readonly string[] DisplayPins = ["spiCsPin", "dcPin", "resetPin"];

    public static void Run(JsonElement root, ProblemReport report)
    {
        foreach (string array in (string[])["bays", "shelters"])
        {
            foreach ((JsonElement board, string pointer) in LenientJson.Objects(root, array))
            {
                CheckBoard(board, pointer, report);
            }
        }
    }

    private static void CheckBoard(JsonElement board, string boardPointer, ProblemReport report)
    {
        var pins = new Dictionary<long, string>();
        var addresses = new Dictionary<int, string>();

        // In document order, so the second use is the one reported.
        foreach (JsonProperty property in board.EnumerateObject())
        {
            if (property.NameEquals("display") && property.Value.ValueKind == JsonValueKind.Object)
            {
                CheckPart(property.Value, JsonPointerText.Append(boardPointer, "display"), DisplayPins, pins, addresses, report);
            }
            else if (property.NameEquals("sensors"))
            {
                foreach ((JsonElement sensor, string pointer) in LenientJson.Objects(board, boardPointer, "sensors"))
                {
                    CheckPart(sensor, pointer, SensorPins, pins, addresses, report);
                }
            }
        }
    }

    private static void CheckPart(
        JsonElement part, string partPointer, string[] pinNames,
        Dictionary<long, string> pins, Dictionary<int, string> addresses, ProblemReport report)
    {
        foreach (string name in pinNames)
        {
            if (LenientJson.Integer(part, name) is { } pin)
            {
                string pointer = JsonPointerText.Append(partPointer, name);
                if (!pins.TryAdd(pin, pointer))
                {
                    report.AddAt(ValidationProblemKind.Consistency, pointer,
                        $"GPIO {pin} is already used by {report.PathOf(pins[pin])} (expected each GPIO once per board)");
                }
            }
        }

        if (Sensor.ParseI2cAddress(LenientJson.String(part, "i2cAddress")) is { } address)
        {
            string pointer = JsonPointerText.Append(partPointer, "i2cAddress");
            if (!addresses.TryAdd(address, pointer))
            {
                report.AddAt(ValidationProblemKind.Consistency, pointer,
                    $"I2C address 0x{address.ToString("X2", CultureInfo.InvariantCulture)} is already used by "
                    + $"{report.PathOf(addresses[address])} (expected each I2C address once per board)");
            }
        }
    }
}
