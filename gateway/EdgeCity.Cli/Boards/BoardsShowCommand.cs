using System.Globalization;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Boards;

/// <summary>
/// <c>./edgecity boards show ID [--inventory FILE]</c>: one board's entry as a table a technician reads on site —
/// kind, lot or shelter, location, sensors (model, I2C address, pins) and the gateway it reports to.
/// </summary>
public static class BoardsShowCommand
{
    /// <summary>Exit code: the board was shown.</summary>
    public const int Shown = 0;

    /// <summary>Exit code: no board has that id.</summary>
    public const int UnknownBoard = 1;

    /// <summary>Prints board <paramref name="boardId"/> of <paramref name="inventoryPath"/>.</summary>
    /// <returns><see cref="Shown"/>, <see cref="UnknownBoard"/> or <see cref="InventoryArgument.BadInventory"/>.</returns>
    public static int Run(string inventoryPath, string boardId, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (InventoryArgument.TryLoad(inventoryPath, stderr) is not { } inventory)
        {
            return InventoryArgument.BadInventory;
        }

        var rows = new List<(string Name, string Value)> { ("board", boardId) };
        IReadOnlyList<Sensor> sensors = [];
        if (inventory.FindBay(boardId) is { } bay)
        {
            ParkingLot lot = inventory.LotOf(bay);
            rows.Add(("kind", $"parking bay sensor (firmware {bay.Firmware})"));
            rows.Add(("lot", $"{lot.Id} ({lot.Name}), bay {bay.Label}"));
            rows.Add(("location", Location(bay.Location)));
            sensors = bay.Sensors;
        }
        else if (inventory.FindShelter(boardId) is { } shelter)
        {
            ShelterDisplay d = shelter.Display;
            rows.Add(("kind", "bus shelter (BIT) board"));
            rows.Add(("shelter", $"{shelter.Name}, stop {shelter.StopId}"));
            rows.Add(("location", Location(shelter.Location)));
            rows.Add(("display", $"{d.Model} {d.WidthPx}x{d.HeightPx} px on {Wiring(d)}"));
            sensors = shelter.Sensors;
        }
        else if (inventory.FindCamera(boardId) is { } camera)
        {
            rows.Add(("kind", "street camera"));
            rows.Add(("camera", $"{camera.Name}, heading {Number(camera.HeadingDeg)}°"));
            rows.Add(("location", Location(camera.Location)));
            rows.Add(("stream", camera.StreamUrl));
            rows.AddRange(camera.Links.Select(l => ("link", $"to {l.To}: {Number(l.DistanceM)} m, {Number(l.TravelTimeS)} s")));
        }
        else
        {
            stderr.WriteLine($"boards show: '{boardId}' is not a board of {inventoryPath} (expected a bay, shelter or camera id)");
            return UnknownBoard;
        }

        EdgeCity.Inventory.Gateway gateway = inventory.FindGateway(inventory.GatewayIdOf(boardId)!)!;
        rows.Add(("gateway", $"{gateway.Id} ({gateway.Name}), MQTT port {gateway.MqttPort}, HTTP port {gateway.HttpPort}"));

        int width = rows.Max(r => r.Name.Length) + 2;
        foreach (var (name, value) in rows)
        {
            stdout.WriteLine(name.PadRight(width) + value);
        }

        if (sensors.Count > 0)
        {
            stdout.WriteLine();
            WriteSensorTable(sensors, stdout);
        }

        return Shown;
    }

    private static void WriteSensorTable(IReadOnlyList<Sensor> sensors, TextWriter stdout)
    {
        string[][] table =
        [
            ["sensor", "model", "i2c address", "interrupt pin", "pin"],
            .. sensors.Select(s => new[]
            {
                s.Kind.ToString().ToLowerInvariant(), s.Model, s.I2cAddress ?? "-", Pin(s.InterruptPin), Pin(s.Pin),
            }),
        ];
        int[] widths = [.. Enumerable.Range(0, table[0].Length).Select(c => table.Max(row => row[c].Length) + 2)];
        foreach (string[] row in table)
        {
            stdout.WriteLine(string.Concat(row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string Wiring(ShelterDisplay d) => d.Bus == DisplayBus.I2c
        ? $"I2C {d.I2cAddress}"
        : $"SPI (CS GPIO {d.SpiCsPin}, DC GPIO {d.DcPin}{(d.ResetPin is { } r ? $", reset GPIO {r}" : "")})";

    private static string Pin(int? gpio) => gpio is { } g ? "GPIO " + g.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Location(GeoLocation l) => $"{Number(l.Lat)}, {Number(l.Lon)}";

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
