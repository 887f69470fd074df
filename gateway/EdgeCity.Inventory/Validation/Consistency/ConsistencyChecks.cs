using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>The rules boards.schema.json cannot express, run even when the schema failed (each reads leniently).</summary>
internal static class ConsistencyChecks
{
    private static readonly Action<JsonElement, ProblemReport>[] All =
    [
        UniqueIdCheck.Run,
        ReferenceCheck.Run,
        CameraLinkCheck.Run,
        BoardWiringCheck.Run,
        BoardSensorCheck.Run,
        BayPlacementCheck.Run,
        TariffCheck.Run,
        GatewayPortCheck.Run,
    ];

    public static void Run(JsonElement root, ProblemReport report)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (Action<JsonElement, ProblemReport> check in All)
        {
            check(root, report);
        }
    }
}
