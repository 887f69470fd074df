using System.Globalization;
using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// Words a failed schema keyword as "what was found (expected what)", quoting the schema node: its enum, range,
/// pattern description and title. JsonSchema.Net's own wording ("Value should match one of the values specified
/// by the enum") says neither what was found nor what would do.
/// </summary>
internal static class SchemaMessages
{
    private const int MaxQuotedLength = 60;

    public static string Describe(string keyword, string libraryMessage, JsonElement? node, JsonElement? value)
    {
        string? title = Text(node, "title");
        string? description = Text(node, "description");
        string found = value is { } found0 ? Quote(found0) : "the value";
        return keyword switch
        {
            "type" when value is { } v => $"found {Found(v)} (expected {ExpectedType(node)})",
            "enum" => $"{found} is not {Valid(title)} (expected {OneOf(node, "enum")}{Why(description)})",
            "const" => $"{found} is not {Valid(title)} (expected {OneOf(node, "const")}{Why(description)})",
            "pattern" => $"{found} is not {Valid(title)} (expected {description ?? "a string matching " + Text(node, "pattern")})",
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" =>
                $"{found} is out of range{(title is null ? "" : " for " + title)} (expected {Range(node)})",
            "minLength" => $"{found} is too short (expected at least {Count(node, keyword, "character")})",
            "maxLength" => $"{found} is too long (expected at most {Count(node, keyword, "character")})",
            "minItems" when value is { ValueKind: JsonValueKind.Array } v =>
                $"found {Items(v.GetArrayLength())} (expected at least {Count(node, keyword, "item")})",
            "maxItems" when value is { ValueKind: JsonValueKind.Array } v =>
                $"found {Items(v.GetArrayLength())} (expected at most {Count(node, keyword, "item")})",
            _ => libraryMessage,
        };
    }

    public static string Quote(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "'" + Shorten(value.GetString()!) + "'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Shorten(value.GetRawText()),
    };

    private static string Found(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "the string " + Quote(value),
        JsonValueKind.Number => "the number " + Quote(value),
        _ => Quote(value),
    };

    private static string ExpectedType(JsonElement? node)
    {
        if (node is not { } n || !n.TryGetProperty("type", out JsonElement type))
        {
            return "another type";
        }

        IEnumerable<string> names = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.ToString())
            : [type.ToString()];
        return string.Join(" or ", names.Select(t => t switch
        {
            "integer" => "an integer",
            "object" => "an object",
            "array" => "an array",
            "boolean" => "true or false",
            "null" => "null",
            _ => "a " + t,
        }));
    }

    private static string Valid(string? title) => title is null ? "allowed here" : "a valid " + title;

    private static string Why(string? description) => description is null ? "" : "; " + description;

    private static string OneOf(JsonElement? node, string keyword)
    {
        if (node is not { } n || !n.TryGetProperty(keyword, out JsonElement allowed))
        {
            return "another value";
        }

        List<string> values = allowed.ValueKind == JsonValueKind.Array
            ? [.. allowed.EnumerateArray().Select(Plain)]
            : [Plain(allowed)];
        return values.Count == 1 ? values[0] : "one of " + string.Join(", ", values);
    }

    private static string Range(JsonElement? node)
    {
        string? min = Text(node, "minimum"), max = Text(node, "maximum");
        string? above = Text(node, "exclusiveMinimum"), below = Text(node, "exclusiveMaximum");
        return (min, max, above, below) switch
        {
            ({ } lo, { } hi, _, _) => $"{lo} to {hi}",
            ({ } lo, null, _, { } hiEx) => $"{lo} to below {hiEx}",
            (null, { } hi, { } loEx, _) => $"more than {loEx} and at most {hi}",
            ({ } lo, null, _, null) => $"at least {lo}",
            (null, { } hi, null, _) => $"at most {hi}",
            (null, null, { } loEx, { } hiEx) => $"more than {loEx} and less than {hiEx}",
            (null, null, { } loEx, null) => $"more than {loEx}",
            (null, null, null, { } hiEx) => $"less than {hiEx}",
            _ => "a value in range",
        };
    }

    private static string Count(JsonElement? node, string keyword, string noun)
    {
        string n = Text(node, keyword) ?? "?";
        return n == "1" ? $"1 {noun}" : $"{n} {noun}s";
    }

    private static string Items(int count) => count == 1 ? "1 item" : count.ToString(CultureInfo.InvariantCulture) + " items";

    private static string Plain(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string? Text(JsonElement? node, string property) =>
        node is { ValueKind: JsonValueKind.Object } n && n.TryGetProperty(property, out JsonElement v) ? Plain(v) : null;

    private static string Shorten(string text) => text.Length <= MaxQuotedLength ? text : text[..(MaxQuotedLength - 1)] + "…";
}
