using System.Text.Json;
using Json.Schema;

namespace EdgeCity.Inventory;

/// <summary>
/// The committed boards.schema.json, embedded in this assembly at build time, built once per process.
/// The raw document is kept too: problem messages quote its enums, ranges, titles and descriptions.
/// </summary>
internal static class BoardsSchema
{
    public const string ResourceName = "EdgeCity.Inventory.boards.schema.json";

    private static readonly Lazy<(JsonSchema Schema, JsonElement Document)> Loaded = new(Load);

    public static JsonSchema Schema => Loaded.Value.Schema;

    public static JsonElement Document => Loaded.Value.Document;

    private static (JsonSchema, JsonElement) Load()
    {
        using Stream stream = typeof(BoardsSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from {typeof(BoardsSchema).Assembly.GetName().Name}.");
        using JsonDocument document = JsonDocument.Parse(stream);
        JsonElement root = document.RootElement.Clone();

        // A private registry: the global one refuses a second schema with the same $id, and other code in
        // the process (tests, the CLI) may build boards.schema.json too.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return (JsonSchema.Build(root, options), root);
    }
}
