namespace EdgeCity.CameraSim.Scenes;

/// <summary>How the scene is lit.</summary>
public enum Lighting
{
    /// <summary>Daylight, colour.</summary>
    Day,

    /// <summary>Night, colour: the scene dark, the plate lit by its lamp, headlight glare.</summary>
    Night,

    /// <summary>Night under the camera's infrared illuminator: grey, the retroreflective plate bright.</summary>
    Infrared,
}
