namespace EdgeCity.HardwareSim.Radio;

/// <summary>A message a simulated board sent, with the virtual time it was sent.</summary>
public sealed record AirMessage(long SentUnixMs, string Topic, string Payload);
