using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>A daily cap below the base fee would make the first half hour cost more than the whole day.</summary>
internal static class TariffCheck
{
    public static void Run(JsonElement root, ProblemReport report)
    {
        foreach ((JsonElement tariff, string pointer) in LenientJson.Objects(root, "tariffs"))
        {
            if (LenientJson.Integer(tariff, "dailyMax") is { } dailyMax && LenientJson.Integer(tariff, "baseFee") is { } baseFee
                && dailyMax < baseFee)
            {
                report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(pointer, "dailyMax"),
                    $"daily maximum {dailyMax} is below the base fee {baseFee} (expected dailyMax of at least baseFee)");
            }
        }
    }
}
