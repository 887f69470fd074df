namespace EdgeCity.CameraSim.Plates;

/// <summary>Plate background (and with it the text colour): Korea's white, yellow, green and blue plates, Europe's white and yellow.</summary>
public enum PlateColour
{
    /// <summary>Black text on white (Korean private and rental cars; European front plates).</summary>
    White,

    /// <summary>Black or dark blue text on yellow (Korean commercial and delivery vehicles; rear plates in some EU countries).</summary>
    Yellow,

    /// <summary>White text on green (older Korean private plates).</summary>
    Green,

    /// <summary>Black text on light blue (Korean electric vehicles).</summary>
    Blue,
}
