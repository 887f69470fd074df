namespace EdgeCity.HardwareSim.Street;

/// <summary>What makes one simulated row of bays hard. Every run draws these from its seed.</summary>
public sealed record StreetConditions
{
    /// <summary>A name for the per-condition breakdown.</summary>
    public string Name { get; init; } = "mixed";

    /// <summary>Mean empty time between vehicles, minutes.</summary>
    public double MeanFreeMinutes { get; init; } = 12;

    /// <summary>Mean stay, minutes (log-normal: many short stays, a few all-day ones).</summary>
    public double MeanParkedMinutes { get; init; } = 30;

    /// <summary>Peak-to-peak daily temperature swing of the road surface, °C.</summary>
    public double DailyTemperatureSwingC { get; init; } = 12;

    /// <summary>Mean daily temperature, °C.</summary>
    public double MeanTemperatureC { get; init; } = 15;

    /// <summary>Vehicles passing in the lane beside the bays, per hour.</summary>
    public double PassingVehiclesPerHour { get; init; } = 60;

    /// <summary>Closest a passing vehicle comes to the sensors, metres.</summary>
    public double PassingDistanceM { get; init; } = 2.8;

    /// <summary>Trams per hour on a line near the row (0: none). Each passage disturbs the field for 20–60 s.</summary>
    public double TramsPerHour { get; init; }

    /// <summary>Peak tram disturbance at the sensors, nT.</summary>
    public double TramAmplitudeNanotesla { get; init; } = 2000;

    /// <summary>Force every vehicle to one kind (null: the city mix).</summary>
    public VehicleKind? OnlyKind { get; init; }

    /// <summary>Boards in this row carry a VL53L0X distance sensor to confirm weak signatures (e.g. motorcycle bays).</summary>
    public bool DistanceSensors { get; init; }

    /// <summary>The magnetometer the row's boards carry.</summary>
    public Boards.ParkingMagnetometerModel Magnetometer { get; init; } = Boards.ParkingMagnetometerModel.Hmc5883l;

    /// <summary>Largest lateral parking offset from the bay centre, metres.</summary>
    public double MaxLateralOffsetM { get; init; } = 0.35;

    /// <summary>Largest parking angle, degrees.</summary>
    public double MaxAngleDegrees { get; init; } = 12;
}
