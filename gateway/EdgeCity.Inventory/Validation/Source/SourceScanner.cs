using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// Reads a JSON text once with <see cref="Utf8JsonReader"/>, recording where each value starts (by JSON
/// pointer), the first syntax error with its line and column, and property names written twice.
/// </summary>
internal static class SourceScanner
{
    /// <summary>Reader settings shared with the <see cref="JsonDocument"/> parse that follows a clean scan.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    public static SourceScan Scan(ReadOnlyMemory<byte> utf8, LineIndex lines)
    {
        var map = new SourceMap(lines);
        var duplicates = new List<SourceIssue>();
        var stack = new Stack<Container>();
        string lastPath = DisplayPath.Root;
        var reader = new Utf8JsonReader(utf8.Span, ReaderOptions);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        Container owner = stack.Peek();
                        string name = reader.GetString()!;
                        owner.PendingName = name;
                        owner.PendingNameOffset = reader.TokenStartIndex;
                        lastPath = DisplayPath.Property(owner.Path, name);
                        if (!owner.NameOffsets.TryAdd(name, reader.TokenStartIndex))
                        {
                            TextPosition first = lines.At(owner.NameOffsets[name]);
                            duplicates.Add(new SourceIssue(
                                lines.At(reader.TokenStartIndex), lastPath,
                                $"property '{name}' is written twice in this object, first at line {first.Line}, column {first.Column} (expected each property once)"));
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        (string pointer, string path) = Record(map, stack, reader.TokenStartIndex);
                        stack.Push(new Container(pointer, path, reader.TokenType == JsonTokenType.StartArray));
                        lastPath = path;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        lastPath = stack.Pop().Path;
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
                        {
                            _ = reader.GetString(); // throws on an escape that is not valid UTF-16 (a lone surrogate)
                        }

                        lastPath = Record(map, stack, reader.TokenStartIndex).Path;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            TextPosition at = lines.AtLineByte(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return new SourceScan(map, new SourceIssue(at, lastPath, "invalid JSON: " + WithoutPosition(ex.Message)), duplicates);
        }
        catch (InvalidOperationException ex)
        {
            TextPosition at = lines.At(reader.TokenStartIndex);
            return new SourceScan(map, new SourceIssue(at, lastPath, "invalid JSON string: " + ex.Message), duplicates);
        }

        return new SourceScan(map, null, duplicates);
    }

    private static (string Pointer, string Path) Record(SourceMap map, Stack<Container> stack, long valueOffset)
    {
        if (stack.Count == 0)
        {
            map.Add("", new SourceNode(DisplayPath.Root, -1, valueOffset));
            return ("", DisplayPath.Root);
        }

        Container parent = stack.Peek();
        string pointer, path;
        long nameOffset = -1;
        if (parent.IsArray)
        {
            int index = parent.NextIndex++;
            pointer = JsonPointerText.Append(parent.Pointer, index);
            path = DisplayPath.Element(parent.Path, index);
        }
        else
        {
            string name = parent.PendingName!;
            pointer = JsonPointerText.Append(parent.Pointer, name);
            path = DisplayPath.Property(parent.Path, name);
            nameOffset = parent.PendingNameOffset;
        }

        map.Add(pointer, new SourceNode(path, nameOffset, valueOffset));
        return (pointer, path);
    }

    // System.Text.Json appends " LineNumber: 3 | BytePositionInLine: 7." (0-based, in bytes); we report our own.
    private static string WithoutPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).TrimEnd();
    }

    private sealed class Container(string pointer, string path, bool isArray)
    {
        public string Pointer { get; } = pointer;
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
        public string? PendingName { get; set; }
        public long PendingNameOffset { get; set; }
        public Dictionary<string, long> NameOffsets { get; } = new(StringComparer.Ordinal);
    }
}
