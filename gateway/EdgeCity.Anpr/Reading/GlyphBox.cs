using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>A glyph's (or glyph part's) box in a <see cref="RectifiedLine"/>, px.</summary>
internal readonly record struct GlyphBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public float CentreX => X + (Width / 2f);

    public Rect ToRect() => new(X, Y, Width, Height);

    public static GlyphBox Union(IEnumerable<GlyphBox> boxes)
    {
        int l = int.MaxValue, t = int.MaxValue, r = int.MinValue, b = int.MinValue;
        foreach (GlyphBox g in boxes)
        {
            l = Math.Min(l, g.X); t = Math.Min(t, g.Y); r = Math.Max(r, g.Right); b = Math.Max(b, g.Bottom);
        }

        return new GlyphBox(l, t, r - l, b - t);
    }
}
