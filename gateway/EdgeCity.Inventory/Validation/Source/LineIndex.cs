namespace EdgeCity.Inventory;

/// <summary>
/// Turns byte offsets into UTF-8 text into 1-based line and character columns. Lines end at '\n', as
/// <see cref="System.Text.Json.Utf8JsonReader"/> counts them, so its error positions convert exactly.
/// </summary>
internal sealed class LineIndex
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        ReadOnlySpan<byte> span = utf8.Span;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The position of the byte at <paramref name="offset"/> (clamped to the text).</summary>
    public TextPosition At(long offset)
    {
        int clamped = (int)Math.Clamp(offset, 0, _utf8.Length);
        int line = _lineStarts.BinarySearch(clamped);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new TextPosition(line + 1, CharactersBetween(_lineStarts[line], clamped) + 1);
    }

    /// <summary>The position <see cref="System.Text.Json.JsonException"/> reports (0-based line, byte in line).</summary>
    public TextPosition AtLineByte(long zeroBasedLine, long bytePositionInLine)
    {
        int line = (int)Math.Clamp(zeroBasedLine, 0, _lineStarts.Count - 1);
        return At(_lineStarts[line] + bytePositionInLine);
    }

    // Every UTF-8 sequence has exactly one byte that is not a continuation byte (10xxxxxx).
    private int CharactersBetween(int start, int end)
    {
        int count = 0;
        foreach (byte b in _utf8.Span[start..end])
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }
}
