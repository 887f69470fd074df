using System.Globalization;
using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// A bay's label is what a driver reads on the ground, so it is unique within its lot; and a bay lies near its
/// lot (a bay kilometres away is almost always a typo or swapped lat/lon).
/// </summary>
internal static class BayPlacementCheck
{
    /// <summary>Farthest a bay may lie from its lot's location, in metres.</summary>
    public const double MaxDistanceFromLotM = 1000;

    public static void Run(JsonElement root, ProblemReport report)
    {
        var lots = new Dictionary<string, (GeoLocation? Location, string Pointer)>(StringComparer.Ordinal);
        foreach ((JsonElement lot, string pointer) in LenientJson.Objects(root, "parkingLots"))
        {
            if (LenientJson.String(lot, "id") is { } id)
            {
                lots.TryAdd(id, (LenientJson.Location(lot), pointer));
            }
        }

        var labels = new Dictionary<(string Lot, string Label), string>();
        foreach ((JsonElement bay, string pointer) in LenientJson.Objects(root, "bays"))
        {
            if (LenientJson.String(bay, "lotId") is not { } lotId)
            {
                continue;
            }

            if (LenientJson.String(bay, "label") is { } label && !labels.TryAdd((lotId, label), pointer))
            {
                report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(pointer, "label"),
                    $"label '{label}' is already used in lot '{lotId}' by {report.Describe(labels[(lotId, label)])} (expected each label once per lot)");
            }

            if (lots.TryGetValue(lotId, out var lot) && lot.Location is { } lotLocation && LenientJson.Location(bay) is { } bayLocation)
            {
                double distanceM = bayLocation.DistanceMTo(lotLocation);
                if (distanceM > MaxDistanceFromLotM)
                {
                    report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(pointer, "location"),
                        $"bay is {Kilometres(distanceM)} km from its lot '{lotId}' (expected within {Kilometres(MaxDistanceFromLotM)} km "
                        + $"of {report.PathOf(lot.Pointer)}.location; are lat and lon swapped?)");
                }
            }
        }
    }

    private static string Kilometres(double metres) => (metres / 1000).ToString("0.#", CultureInfo.InvariantCulture);
}
