namespace EdgeCity.HardwareSim.Fleet;

/// <summary>Something that happened in the simulated street or on a board, at a virtual time.</summary>
/// <param name="AtUtc">Virtual time of the event.</param>
/// <param name="BoardId">The bay sensor board concerned.</param>
/// <param name="What">
/// <c>vehicle-arrived</c> / <c>vehicle-left</c> (the world), or <c>reported-occupied</c> /
/// <c>reported-free</c> (the firmware's judgement as it queued it for the uplink).
/// </param>
public sealed record BayTrafficEvent(DateTimeOffset AtUtc, string BoardId, string What);
