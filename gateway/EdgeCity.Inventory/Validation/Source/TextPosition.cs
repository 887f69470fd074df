namespace EdgeCity.Inventory;

/// <summary>A 1-based line and column; columns count characters (Unicode scalar values), not bytes.</summary>
internal readonly record struct TextPosition(int Line, int Column)
{
    public static TextPosition Start => new(1, 1);
}
