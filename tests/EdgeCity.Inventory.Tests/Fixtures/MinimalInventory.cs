namespace EdgeCity.Inventory.Tests;

/// <summary>
/// A small valid boards.json whose layout the tests rely on: the line numbers in their expectations are the line
/// numbers below (line 1 is the opening brace). Break one thing with <see cref="With"/> and expect one problem.
/// </summary>
public static class MinimalInventory
{
    /// <summary>The valid document: 2 gateways, 1 tariff, 1 lot, 2 bays, 1 shelter, 2 cameras.</summary>
    public const string Text = """
        {
          "$schema": "./boards.schema.json",
          "site": {"id": "test-site", "name": "Test site"},
          "gateways": [
            {"id": "gw-a", "name": "Gateway A", "location": {"lat": 35.1558, "lon": 129.0591}, "mqttPort": 1883, "httpPort": 8080},
            {"id": "gw-b", "name": "Gateway B", "location": {"lat": 37.3904, "lon": 126.6392}, "mqttPort": 1883, "httpPort": 8080}
          ],
          "tariffs": [
            {"id": "tariff-a", "currency": "KRW", "freeMinutes": 10, "baseMinutes": 30, "baseFee": 1000, "unitMinutes": 10, "unitFee": 300, "dailyMax": 10000}
          ],
          "parkingLots": [
            {"id": "lot-a", "name": "주차장 A", "address": "부산광역시 부산진구", "location": {"lat": 35.1558, "lon": 129.0590}, "tariffId": "tariff-a", "gatewayId": "gw-a"}
          ],
          "bays": [
            {
              "id": "bay-a001",
              "lotId": "lot-a",
              "label": "A-001",
              "location": {"lat": 35.1556, "lon": 129.0590},
              "firmware": "parking-sensor",
              "sensors": [
                {"kind": "magnetometer", "model": "HMC5883L", "i2cAddress": "0x1E", "interruptPin": 4},
                {"kind": "distance", "model": "VL53L0X", "i2cAddress": "0x29", "interruptPin": 5}
              ]
            },
            {
              "id": "bay-a002",
              "lotId": "lot-a",
              "label": "A-002",
              "location": {"lat": 35.1556, "lon": 129.0591},
              "firmware": "parking-sensor",
              "sensors": [
                {"kind": "magnetometer", "model": "QMC5883L", "i2cAddress": "0x0D", "interruptPin": 4},
                {"kind": "battery", "model": "ADS1115", "i2cAddress": "0x48"}
              ]
            }
          ],
          "shelters": [
            {
              "id": "bit-stop-a",
              "stopId": "38389",
              "name": "정류장 A",
              "location": {"lat": 37.3864, "lon": 126.6388},
              "gatewayId": "gw-b",
              "display": {"model": "SSD1322", "widthPx": 256, "heightPx": 64, "bus": "spi", "spiCsPin": 5, "dcPin": 16, "resetPin": 17},
              "sensors": [
                {"kind": "accelerometer", "model": "ADXL343", "i2cAddress": "0x53", "interruptPin": 14},
                {"kind": "light", "model": "BH1750", "i2cAddress": "0x23"},
                {"kind": "presence", "model": "PIR", "pin": 27}
              ]
            }
          ],
          "cameras": [
            {
              "id": "cam-a",
              "name": "카메라 A",
              "location": {"lat": 37.3899, "lon": 126.9507},
              "headingDeg": 90,
              "streamUrl": "rtsp://cam-a.local:554/stream1",
              "gatewayId": "gw-b",
              "links": [{"to": "cam-b", "distanceM": 940, "travelTimeS": 120}]
            },
            {
              "id": "cam-b",
              "name": "카메라 B",
              "location": {"lat": 37.3942, "lon": 126.9568},
              "headingDeg": 270,
              "streamUrl": "rtsp://cam-b.local:554/stream1",
              "gatewayId": "gw-b",
              "links": [{"to": "cam-a", "distanceM": 940, "travelTimeS": 120}]
            }
          ]
        }
        """;

    /// <summary>
    /// <see cref="Text"/> with the <paramref name="occurrence"/>-th (1-based) <paramref name="find"/> replaced by
    /// <paramref name="replacement"/>; throws when there is no such occurrence, so a test cannot silently test nothing.
    /// </summary>
    public static string With(string find, string replacement, int occurrence = 1)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++)
        {
            at = Text.IndexOf(find, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new ArgumentException($"Occurrence {occurrence} of '{find}' is not in the minimal inventory.", nameof(find));
            }
        }

        return string.Concat(Text.AsSpan(0, at), replacement, Text.AsSpan(at + find.Length));
    }
}
