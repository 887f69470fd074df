using System.Text.Json;
using Json.Schema;

namespace EdgeCity.Inventory;

/// <summary>
/// Evaluates a document against boards.schema.json and reports each failed keyword at the line and column of
/// the value it failed on.
/// </summary>
internal static class SchemaCheck
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    // Keywords about one value, most telling first. A value that fails several ("0x1e": the address pattern and
    // the HMC5883L's fixed address) is reported once, by the first, so one typo gives one line.
    private static readonly string[] ValueKeywords =
    [
        "type", "pattern", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
    ];

    public static void Run(JsonElement document, ProblemReport report)
    {
        EvaluationResults results = BoardsSchema.Schema.Evaluate(document, Options);
        if (results.IsValid)
        {
            return;
        }

        var valueFailures = new Dictionary<string, ValueFailure>(StringComparer.Ordinal);
        foreach (EvaluationResults result in (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []])
        {
            if (result.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            IReadOnlyList<string> evaluationPath = JsonPointerText.Segments(result.EvaluationPath.ToString());
            if (evaluationPath.Contains("if"))
            {
                continue; // a failed "if" only picks which "then" applies; it is not a problem
            }

            string pointer = result.InstanceLocation.ToString();
            JsonElement? value = JsonPointerText.TryResolve(document, pointer, out JsonElement v) ? v : null;
            foreach ((string keyword, string message) in errors)
            {
                int rank = Array.IndexOf(ValueKeywords, keyword);
                if (rank < 0)
                {
                    Report(report, keyword, message, evaluationPath, pointer, value);
                }
                else if (!valueFailures.TryGetValue(pointer, out ValueFailure known) || rank < known.Rank)
                {
                    valueFailures[pointer] = new ValueFailure(rank, keyword, message, evaluationPath, value);
                }
            }
        }

        foreach ((string pointer, ValueFailure failure) in valueFailures)
        {
            Report(report, failure.Keyword, failure.Message, failure.EvaluationPath, pointer, failure.Value);
        }
    }

    private static void Report(
        ProblemReport report, string keyword, string libraryMessage, IReadOnlyList<string> evaluationPath,
        string pointer, JsonElement? value)
    {
        JsonElement schema = BoardsSchema.Document;
        int n = evaluationPath.Count;
        if (keyword.Length == 0 && n >= 1 && evaluationPath[n - 1] == "additionalProperties")
        {
            // additionalProperties: false fails on the unknown property itself.
            JsonElement? owner = SchemaNodeLocator.Resolve(schema, evaluationPath, n - 1);
            string name = JsonPointerText.Segments(pointer)[^1];
            report.AddAt(ValidationProblemKind.Schema, pointer, $"unknown property '{name}' (expected {KnownProperties(owner)})");
        }
        else if (keyword.Length == 0 && n >= 2 && evaluationPath[n - 2] == "properties")
        {
            // "properties": {"pin": false} in a "then": this part has no such wire.
            JsonElement? rule = SchemaNodeLocator.Resolve(schema, evaluationPath, n - 2);
            string? title = Text(rule, "title"), expected = Text(rule, "description");
            report.AddAt(ValidationProblemKind.Schema, pointer,
                $"property '{evaluationPath[n - 1]}' is not allowed{(title is null ? " here" : " for " + title)}"
                + (expected is null ? "" : $" (expected {expected})"));
        }
        else if (keyword == "required")
        {
            // A requirement inside a "then" holds only for some parts; its title says which ("for an HMC5883L").
            ReportMissing(report, SchemaNodeLocator.Resolve(schema, evaluationPath, n), evaluationPath.Contains("then"), pointer, value, libraryMessage);
        }
        else
        {
            JsonElement? node = SchemaNodeLocator.Resolve(schema, evaluationPath, n);
            report.AddAt(ValidationProblemKind.Schema, pointer, SchemaMessages.Describe(keyword, libraryMessage, node, value));
        }
    }

    private static void ReportMissing(
        ProblemReport report, JsonElement? node, bool conditional, string pointer, JsonElement? value, string libraryMessage)
    {
        if (node is not { ValueKind: JsonValueKind.Object } n || !n.TryGetProperty("required", out JsonElement required)
            || value is not { ValueKind: JsonValueKind.Object } instance)
        {
            report.AddAt(ValidationProblemKind.Schema, pointer, libraryMessage);
            return;
        }

        string? title = conditional ? Text(node, "title") : null;
        foreach (JsonElement name in required.EnumerateArray())
        {
            if (!instance.TryGetProperty(name.GetString()!, out _))
            {
                report.AddAt(ValidationProblemKind.Schema, pointer,
                    $"missing required property '{name.GetString()}'{(title is null ? "" : " for " + title)}");
            }
        }
    }

    private static string KnownProperties(JsonElement? owner) =>
        owner is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("properties", out JsonElement properties)
            ? "one of " + string.Join(", ", properties.EnumerateObject().Select(p => p.Name))
            : "only the properties the schema lists";

    private static string? Text(JsonElement? node, string property) =>
        node is { ValueKind: JsonValueKind.Object } n && n.TryGetProperty(property, out JsonElement v)
        && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private readonly record struct ValueFailure(
        int Rank, string Keyword, string Message, IReadOnlyList<string> EvaluationPath, JsonElement? Value);
}
