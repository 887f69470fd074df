namespace EdgeCity.CameraSim.Plates;

/// <summary>The plate layouts the simulated camera renders.</summary>
public enum PlateStyle
{
    /// <summary>Korean single-line plate with a 2-digit class: 12가3456 (520×110 mm).</summary>
    KrTwoDigit,

    /// <summary>Korean single-line plate with a 3-digit class, issued since 2019: 123가4567 (520×110 mm).</summary>
    KrThreeDigit,

    /// <summary>Older Korean regional two-line plate: 서울 12 over 가 3456 (335×170 mm), read 서울12가3456.</summary>
    KrRegionalTwoLine,

    /// <summary>Korean single-line commercial plate with the region stacked small at the left, read 서울32자6493.</summary>
    KrRegionalStacked,

    /// <summary>European single-line Latin alphanumeric plate with the blue EU band (520×110 mm).</summary>
    Eu,
}
