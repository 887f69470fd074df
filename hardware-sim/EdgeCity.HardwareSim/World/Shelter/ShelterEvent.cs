namespace EdgeCity.HardwareSim.World.Shelter;

/// <summary>
/// One event in a shelter's timeline, with what the accelerometer feels: a sum of damped rings (hits), a swaying
/// or vibrating oscillation, an orientation change, or free fall.
/// </summary>
public sealed class ShelterEvent
{
    /// <summary>What it is.</summary>
    public required ShelterEventKind Kind { get; init; }

    /// <summary>Start, virtual Unix ms.</summary>
    public required double StartUnixMs { get; init; }

    /// <summary>End of the vibration part (an orientation change may outlast it), virtual Unix ms.</summary>
    public required double EndUnixMs { get; init; }

    /// <summary>Upper bound of the acceleration this event adds on any axis, mg.</summary>
    public required double MaxDeviationMg { get; init; }

    /// <summary>Times of the hits (impacts), Unix ms; empty for oscillations.</summary>
    public double[] HitTimesUnixMs { get; init; } = [];

    /// <summary>Peak of each hit, mg.</summary>
    public double[] HitPeaksMg { get; init; } = [];

    /// <summary>Oscillation amplitude (sway, vibration), mg.</summary>
    public double AmplitudeMg { get; init; }

    /// <summary>Oscillation or ring frequency, Hz.</summary>
    public double FrequencyHz { get; init; }

    /// <summary>Ring decay time constant of a hit, ms.</summary>
    public double DecayMs { get; init; } = 25;

    /// <summary>Horizontal direction of the motion, radians from the chip's X axis.</summary>
    public double DirectionRadians { get; init; }

    /// <summary>Share of the motion on the vertical (Z) axis, 0–1.</summary>
    public double VerticalShare { get; init; } = 0.3;

    /// <summary>Seed of the event's own randomness (rain drops).</summary>
    public int Seed { get; init; }

    /// <summary>True for vandalism (what the board must alarm on).</summary>
    public bool IsVandalism => Kind is ShelterEventKind.Kick or ShelterEventKind.BatStrike or ShelterEventKind.SustainedVandalism
        or ShelterEventKind.Tilt or ShelterEventKind.TearOff;

    /// <summary>Time of the first impact (or of the start of tilt/fall), Unix ms.</summary>
    public double FirstImpactUnixMs => HitTimesUnixMs.Length > 0 ? HitTimesUnixMs[0] : StartUnixMs;

    /// <summary>Tilt: final angle, degrees; tear-off: 90 (lying on its side).</summary>
    public double TiltDegrees { get; init; }

    /// <summary>Tilt/tear-off: when the unit is back in its installed orientation (repaired), Unix ms.</summary>
    public double RestoredUnixMs { get; init; }

    /// <summary>Tear-off: start and end of the free fall, Unix ms.</summary>
    public double FallStartUnixMs { get; init; }

    /// <summary>See <see cref="FallStartUnixMs"/>.</summary>
    public double FallEndUnixMs { get; init; }
}
