using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// Reads a document that may have failed the schema: each accessor yields a value only where it has the
/// expected shape, so the consistency checks report what they can and never throw.
/// </summary>
internal static class LenientJson
{
    /// <summary>The objects of array <paramref name="name"/> in <paramref name="owner"/>, with their pointers.</summary>
    public static IEnumerable<(JsonElement Item, string Pointer)> Objects(JsonElement owner, string ownerPointer, string name)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(name, out JsonElement array)
            || array.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        string arrayPointer = JsonPointerText.Append(ownerPointer, name);
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return (item, JsonPointerText.Append(arrayPointer, index));
            }

            index++;
        }
    }

    /// <summary>The objects of the top-level array <paramref name="name"/> ("bays").</summary>
    public static IEnumerable<(JsonElement Item, string Pointer)> Objects(JsonElement root, string name) => Objects(root, "", name);

    public static string? String(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out JsonElement v)
        && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? Integer(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out JsonElement v)
        && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

    public static double? Number(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out JsonElement v)
        && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d) ? d : null;

    public static JsonElement? Object(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out JsonElement v)
        && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>A "location" object as a point, when both coordinates are numbers in range.</summary>
    public static GeoLocation? Location(JsonElement owner) =>
        Object(owner, "location") is { } location
        && Number(location, "lat") is { } lat and >= -90 and <= 90
        && Number(location, "lon") is { } lon and >= -180 and <= 180
            ? new GeoLocation(lat, lon)
            : null;
}
