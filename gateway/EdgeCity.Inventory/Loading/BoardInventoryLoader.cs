using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCity.Inventory;

/// <summary>
/// Loads a boards.json into a <see cref="BoardInventory"/>, validating it first with <see cref="BoardsValidator"/>:
/// an inventory you get from here has unique ids and no dangling references.
/// </summary>
public static class BoardInventoryLoader
{
    /// <summary>The file name the simulator, the gateway and the CLI look for by default.</summary>
    public const string DefaultFileName = "boards.json";

    /// <summary>How boards.json maps to the model: camelCase names, enums as camelCase strings. Read-only.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="BoardInventoryException">The file is missing or has problems; the message lists them all.</exception>
    public static BoardInventory Load(string path)
    {
        InventoryCheck check = BoardsValidator.CheckFile(path);
        return check.Inventory ?? throw new BoardInventoryException(path, check.Problems);
    }

    /// <summary>Loads and validates the file at <paramref name="path"/>, returning its problems instead of throwing.</summary>
    /// <returns>True with <paramref name="inventory"/> set and no problems, or false with the problems.</returns>
    public static bool TryLoad(
        string path, [NotNullWhen(true)] out BoardInventory? inventory, out IReadOnlyList<ValidationProblem> problems)
    {
        InventoryCheck check = BoardsValidator.CheckFile(path);
        (inventory, problems) = (check.Inventory, check.Problems);
        return inventory is not null;
    }

    /// <summary>Parses and validates UTF-8 JSON text; problems name it <paramref name="fileName"/>.</summary>
    /// <exception cref="BoardInventoryException">The text has problems; the message lists them all.</exception>
    public static BoardInventory Parse(ReadOnlyMemory<byte> utf8Json, string fileName = DefaultFileName)
    {
        InventoryCheck check = BoardsValidator.Check(utf8Json, fileName);
        return check.Inventory ?? throw new BoardInventoryException(fileName, check.Problems);
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            RespectNullableAnnotations = true,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
