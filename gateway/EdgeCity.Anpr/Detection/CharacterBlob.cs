namespace EdgeCity.Anpr.Detection;

/// <summary>A connected component that could be a character (or part of a Hangul syllable), in frame pixels.</summary>
/// <param name="X">Left, px.</param>
/// <param name="Y">Top, px.</param>
/// <param name="Width">Width, px.</param>
/// <param name="Height">Height, px.</param>
internal readonly record struct CharacterBlob(int X, int Y, int Width, int Height)
{
    public float CentreX => X + (Width / 2f);

    public float CentreY => Y + (Height / 2f);

    public int Right => X + Width;

    public int Bottom => Y + Height;

    /// <summary>How many characters the blob probably is (more than one when blur glued neighbours).</summary>
    public int CharacterCount => Math.Max(1, (int)MathF.Round(Width / (0.62f * Height)));
}
