using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// Each board program is built around one sensor: a bay's occupancy comes from its magnetometer, a shelter's
/// shock alarm from its accelerometer. Without it the board has nothing to report; with two, which counts?
/// </summary>
internal static class BoardSensorCheck
{
    public static void Run(JsonElement root, ProblemReport report)
    {
        Check(root, "bays", "magnetometer", "bay", "it detects the car", report);
        Check(root, "shelters", "accelerometer", "shelter", "it detects shocks", report);
    }

    private static void Check(JsonElement root, string array, string kind, string board, string why, ProblemReport report)
    {
        foreach ((JsonElement item, string pointer) in LenientJson.Objects(root, array))
        {
            if (!item.TryGetProperty("sensors", out JsonElement sensors) || sensors.ValueKind != JsonValueKind.Array)
            {
                continue; // missing or mistyped: the schema says so
            }

            string? first = null;
            foreach ((JsonElement sensor, string sensorPointer) in LenientJson.Objects(item, pointer, "sensors"))
            {
                if (LenientJson.String(sensor, "kind") != kind)
                {
                    continue;
                }

                if (first is null)
                {
                    first = sensorPointer;
                }
                else
                {
                    report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(sensorPointer, "kind"),
                        $"a second {kind} on this {board}, after {report.PathOf(first)} (expected exactly one)");
                }
            }

            if (first is null)
            {
                report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(pointer, "sensors"),
                    $"this {board} has no {kind} (expected exactly one sensor of kind '{kind}': {why})");
            }
        }
    }
}
