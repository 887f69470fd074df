namespace EdgeCity.HardwareSim.World.Shelter;

/// <summary>What happens at a simulated shelter. The first group is everyday life; the second is vandalism.</summary>
public enum ShelterEventKind
{
    /// <summary>A gust sways the structure (0.5–4 Hz).</summary>
    WindGust,

    /// <summary>A spell of rain: many small drop impulses on the roof.</summary>
    Rain,

    /// <summary>A bus pulls in: ground-borne vibration, 8–15 Hz.</summary>
    Bus,

    /// <summary>A truck passes, sometimes over a pothole: a stronger jolt.</summary>
    Truck,

    /// <summary>Someone knocks on the glass or bumps a bag against it: one to three light hits.</summary>
    Knock,

    /// <summary>Kicks against the panel: one to three hard hits.</summary>
    Kick,

    /// <summary>Strikes with a bat or a bar: very hard hits.</summary>
    BatStrike,

    /// <summary>Minutes of repeated hits of all strengths.</summary>
    SustainedVandalism,

    /// <summary>The unit is bent or pried: its orientation changes and stays changed until repaired.</summary>
    Tilt,

    /// <summary>The unit is pried loose and falls: free fall, a crash, lying on its side until reinstalled.</summary>
    TearOff,
}
