using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>Every id one entry names must exist: a bay's lot, a lot's tariff and gateway, a board's gateway.</summary>
internal static class ReferenceCheck
{
    public static void Run(JsonElement root, ProblemReport report)
    {
        HashSet<string> lots = Ids(root, "parkingLots"), tariffs = Ids(root, "tariffs"), gateways = Ids(root, "gateways");
        Check(root, "bays", "lotId", lots, "lot", "parkingLots", report);
        Check(root, "parkingLots", "tariffId", tariffs, "tariff", "tariffs", report);
        foreach (string array in (string[])["parkingLots", "shelters", "cameras"])
        {
            Check(root, array, "gatewayId", gateways, "gateway", "gateways", report);
        }
    }

    public static HashSet<string> Ids(JsonElement root, string array) =>
        [.. LenientJson.Objects(root, array).Select(o => LenientJson.String(o.Item, "id")).OfType<string>()];

    private static void Check(
        JsonElement root, string array, string property, HashSet<string> known, string what, string target, ProblemReport report)
    {
        foreach ((JsonElement item, string pointer) in LenientJson.Objects(root, array))
        {
            if (LenientJson.String(item, property) is { } id && !known.Contains(id))
            {
                report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(pointer, property),
                    $"{what} '{id}' does not exist (expected one of the ids in $.{target})");
            }
        }
    }
}
