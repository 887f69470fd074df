using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>RFC 6901 JSON pointers as strings ("/bays/3/lotId"), the form JsonSchema.Net reports.</summary>
internal static class JsonPointerText
{
    public static string Append(string pointer, string propertyName) =>
        pointer + "/" + propertyName.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Parent(string pointer)
    {
        int slash = pointer.LastIndexOf('/');
        return slash <= 0 ? "" : pointer[..slash];
    }

    public static IReadOnlyList<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>Follows <paramref name="pointer"/> from <paramref name="root"/>; false when it leads nowhere.</summary>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
    {
        value = root;
        foreach (string segment in Segments(pointer))
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out JsonElement child))
            {
                value = child;
            }
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(segment, out int index)
                     && index >= 0 && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
