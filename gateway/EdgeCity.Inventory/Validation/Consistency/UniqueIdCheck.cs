using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// Board ids are MQTT client ids and topic names, so one id across bays, shelters and cameras; gateway, tariff
/// and lot ids are unique among their own kind.
/// </summary>
internal static class UniqueIdCheck
{
    public static void Run(JsonElement root, ProblemReport report)
    {
        var boards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string array in (string[])["bays", "shelters", "cameras"])
        {
            Check(root, array, boards, report, "board id", "each board id once across bays, shelters and cameras");
        }

        Check(root, "gateways", [], report, "gateway id", "each gateway id once");
        Check(root, "tariffs", [], report, "tariff id", "each tariff id once");
        Check(root, "parkingLots", [], report, "lot id", "each lot id once");
    }

    private static void Check(
        JsonElement root, string array, Dictionary<string, string> seen, ProblemReport report, string what, string expected)
    {
        foreach ((JsonElement item, string pointer) in LenientJson.Objects(root, array))
        {
            if (LenientJson.String(item, "id") is not { } id)
            {
                continue;
            }

            if (seen.TryGetValue(id, out string? first))
            {
                report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(pointer, "id"),
                    $"{what} '{id}' is already used by {report.Describe(first)} (expected {expected})");
            }
            else
            {
                seen.Add(id, pointer);
            }
        }
    }
}
