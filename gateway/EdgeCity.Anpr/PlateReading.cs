namespace EdgeCity.Anpr;

/// <summary>One plate read in a frame.</summary>
/// <param name="Text">The reading, valid in the region's formats: 12가3456, 서울32자6493, BAB1234.</param>
/// <param name="Confidence">Geometric mean of the glyph probabilities, 0…1.</param>
/// <param name="X">Left of the plate text in the frame, px.</param>
/// <param name="Y">Top, px.</param>
/// <param name="Width">Width, px.</param>
/// <param name="Height">Height, px.</param>
/// <param name="Format">The region format it matched, e.g. kr-3digit.</param>
public sealed record PlateReading(string Text, double Confidence, int X, int Y, int Width, int Height, string Format)
{
    /// <summary>Which readers back the reading, beyond its confidence: how a dispute with another line's reading of the same place is settled (<see cref="Reading.SamePlateDispute"/>).</summary>
    internal Reading.ReadingSupport Support { get; init; }

    /// <summary>The plate's background colour where it was measured sure (<see cref="Reading.PlateBackgroundColour"/>), else Unknown.</summary>
    internal Reading.PlateBackground Background { get; init; }

    /// <summary>
    /// Whether <paramref name="other"/> reads the same place of the frame: the boxes overlap by more than 0.3 of the
    /// smaller one (the same plate found in both polarities, as two rows, or on another line).
    /// </summary>
    internal bool SamePlaceAs(PlateReading other)
    {
        int w = Math.Min(X + Width, other.X + other.Width) - Math.Max(X, other.X);
        int h = Math.Min(Y + Height, other.Y + other.Height) - Math.Max(Y, other.Y);
        return w > 0 && h > 0 && w * h > 0.3 * Math.Min(Width * Height, other.Width * other.Height);
    }
}
