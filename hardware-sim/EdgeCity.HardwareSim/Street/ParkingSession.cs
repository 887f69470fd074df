namespace EdgeCity.HardwareSim.Street;

/// <summary>
/// One vehicle's stay in one bay — the ground truth the sensor's reports are scored against. Times are
/// virtual Unix milliseconds: the vehicle starts pulling in at <see cref="ArrivalStartMs"/>, stands still from
/// <see cref="ParkedMs"/> (the true arrival), starts pulling out at <see cref="DepartureStartMs"/> (the true
/// departure) and is clear of the bay at <see cref="GoneMs"/>.
/// </summary>
public sealed record ParkingSession(
    int Bay,
    VehicleSignature Vehicle,
    double LateralOffsetM,
    double LongitudinalOffsetM,
    double YawRadians,
    long ArrivalStartMs,
    long ParkedMs,
    long DepartureStartMs,
    long GoneMs);
