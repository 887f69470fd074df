using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Boards;

/// <summary>
/// One board of an inventory, whatever its kind (bay, shelter, camera), with its boards.json fields flattened to
/// <c>path = value</c> pairs (<c>sensors[0].model = HMC5883L</c>) for comparison.
/// </summary>
/// <param name="Id">The board id.</param>
/// <param name="Kind">"bay", "shelter" or "camera".</param>
/// <param name="Fields">Every leaf field of the entry, by path, in file order; values as JSON text.</param>
public sealed record BoardEntry(string Id, string Kind, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    // Korean names stay readable in a terminal; the text is shown, never embedded in HTML.
    private static readonly JsonSerializerOptions DisplayOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every board of <paramref name="inventory"/>: bays, then shelters, then cameras, in file order.</summary>
    public static IReadOnlyList<BoardEntry> AllOf(BoardInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return
        [
            .. inventory.Bays.Select(b => Of(b.Id, "bay", b)),
            .. inventory.Shelters.Select(s => Of(s.Id, "shelter", s)),
            .. inventory.Cameras.Select(c => Of(c.Id, "camera", c)),
        ];
    }

    private static BoardEntry Of<T>(string id, string kind, T board)
    {
        var fields = new List<KeyValuePair<string, string>>();
        Flatten(JsonSerializer.SerializeToNode(board, BoardInventoryLoader.JsonOptions), "", fields);
        return new BoardEntry(id, kind, fields);
    }

    private static void Flatten(JsonNode? node, string path, List<KeyValuePair<string, string>> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Flatten(child, path.Length == 0 ? name : path + "." + name, fields);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", fields);
                }

                break;
            case null:
                break;
            default:
                fields.Add(new(path, node.ToJsonString(DisplayOptions)));
                break;
        }
    }
}
