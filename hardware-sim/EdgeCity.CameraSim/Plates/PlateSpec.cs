namespace EdgeCity.CameraSim.Plates;

/// <summary>One plate to render: its layout, colour and text as a reader should report it.</summary>
/// <param name="Style">Layout.</param>
/// <param name="Colour">Background colour.</param>
/// <param name="Text">The reading without spaces, e.g. 12가3456, 서울32자6493, BAB1234.</param>
/// <param name="Region">kr for Korean styles; for EU plates the country code on the band (D, F, NL, …).</param>
/// <param name="Display">The text as printed, groups separated by spaces (B AB 1234); null when it follows from the style.</param>
public sealed record PlateSpec(PlateStyle Style, PlateColour Colour, string Text, string Region, string? Display = null)
{
    /// <summary>Plate width in millimetres.</summary>
    public double WidthMm => Style == PlateStyle.KrRegionalTwoLine ? 335 : 520;

    /// <summary>Plate height in millimetres.</summary>
    public double HeightMm => Style == PlateStyle.KrRegionalTwoLine ? 170 : 110;

    /// <summary>The region profile a reader needs: kr or eu.</summary>
    public string RegionProfile => Style == PlateStyle.Eu ? "eu" : "kr";
}
