namespace EdgeCity.Inventory;

/// <summary>
/// Every value of a document by JSON pointer, with its place in the file: how problems found on the parsed
/// document (by the schema or the consistency checks) get their line and column.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourceNode> _byPointer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pointerByPath = new(StringComparer.Ordinal);

    public SourceMap(LineIndex lines) => Lines = lines;

    public LineIndex Lines { get; }

    public void Add(string pointer, SourceNode node)
    {
        _byPointer[pointer] = node;
        _pointerByPath[node.Path] = pointer;
    }

    /// <summary>Position and display path of <paramref name="pointer"/>, or of its nearest ancestor in the file.</summary>
    public (TextPosition Position, string Path) Locate(string pointer)
    {
        for (string p = pointer; ; p = JsonPointerText.Parent(p))
        {
            if (_byPointer.TryGetValue(p, out SourceNode node))
            {
                return (Lines.At(node.ReportOffset), p == pointer ? node.Path : DisplayPath.FromPointer(pointer));
            }

            if (p.Length == 0)
            {
                return (TextPosition.Start, DisplayPath.FromPointer(pointer));
            }
        }
    }

    /// <summary>The pointer of a display path as System.Text.Json writes it in exceptions ("$.a[0].b").</summary>
    public string? PointerOf(string? displayPath) =>
        displayPath is not null && _pointerByPath.TryGetValue(displayPath, out string? pointer) ? pointer : null;
}
