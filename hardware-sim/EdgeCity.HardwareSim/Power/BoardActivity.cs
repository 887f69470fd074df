namespace EdgeCity.HardwareSim.Power;

/// <summary>What a parking board did over a period: the counts the power model prices.</summary>
/// <param name="Days">Length of the period, days.</param>
/// <param name="CoprocessorSamples">Magnetometer reads by the ULP coprocessor while the processor slept.</param>
/// <param name="ProcessorWakes">Wake-ups of the main processor (each samples once).</param>
/// <param name="DistanceReadings">VL53L0X ranging bursts.</param>
/// <param name="RadioSessions">Wi-Fi association + MQTT connect (one per exchange: the radio is off between).</param>
/// <param name="MessagesSent">MQTT publishes (birth, state changes, heartbeats).</param>
/// <param name="MagnetometerContinuousSeconds">Seconds a LIS2MDL spent measuring continuously on its own (interrupt boards).</param>
public sealed record BoardActivity(double Days, long CoprocessorSamples, long ProcessorWakes, long DistanceReadings, long RadioSessions, long MessagesSent, double MagnetometerContinuousSeconds = 0);
