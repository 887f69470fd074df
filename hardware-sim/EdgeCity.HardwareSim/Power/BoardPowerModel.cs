namespace EdgeCity.HardwareSim.Power;

/// <summary>
/// The parking board's energy budget, from its activity counts, at 3.6 V nominal. Figures and their sources
/// are in docs/power-model.md; every number here is named so it can be checked against it.
/// </summary>
public sealed class BoardPowerModel
{
    /// <summary>ESP32 deep sleep with RTC timer and RTC memory (ESP32 datasheet, "Power consumption by power modes": 10 µA).</summary>
    public double DeepSleepMicroamps { get; init; } = 10;

    /// <summary>HMC5883L idle (datasheet: 2 µA) plus regulator quiescent current (TPS62740-class: 0.36 µA) and leakage.</summary>
    public double SensorsIdleMicroamps { get; init; } = 3;

    /// <summary>One coprocessor sample: ULP on (150 µA) for ~8 ms including the HMC5883L single measurement (100 µA, 6 ms).</summary>
    public double CoprocessorSampleMicroampSeconds { get; init; } = (150 * 0.008) + (100 * 0.006);

    /// <summary>One processor wake: ~40 mA (ESP32 at 80 MHz, radio off) for ~25 ms from a deep-sleep wake stub.</summary>
    public double ProcessorWakeMicroampSeconds { get; init; } = 40_000 * 0.025;

    /// <summary>One VL53L0X ranging burst: ~19 mA for ~33 ms (VL53L0X datasheet, default ranging mode).</summary>
    public double DistanceReadingMicroampSeconds { get; init; } = 19_000 * 0.033;

    /// <summary>One radio session: Wi-Fi association and MQTT/TLS connect, ~1.5 s at ~120 mA average (ESP32 RX 95–100 mA, TX peaks 240 mA).</summary>
    public double RadioSessionMicroampSeconds { get; init; } = 120_000 * 1.5;

    /// <summary>One MQTT publish with its PUBACK, ~60 ms at ~150 mA.</summary>
    public double MessageMicroampSeconds { get; init; } = 150_000 * 0.06;

    /// <summary>LIS2MDL continuous measurement, low-power mode, 10 Hz ODR (LIS2MDL datasheet, current consumption: 25 µA).</summary>
    public double ContinuousMagnetometerMicroamps { get; init; } = 25;

    /// <summary>Average current over the period, µA.</summary>
    public double AverageMicroamps(BoardActivity activity)
    {
        double seconds = activity.Days * 86_400;
        double charge = ((DeepSleepMicroamps + SensorsIdleMicroamps) * seconds)
            + (activity.CoprocessorSamples * CoprocessorSampleMicroampSeconds)
            + (activity.ProcessorWakes * ProcessorWakeMicroampSeconds)
            + (activity.DistanceReadings * DistanceReadingMicroampSeconds)
            + (activity.RadioSessions * RadioSessionMicroampSeconds)
            + (activity.MessagesSent * MessageMicroampSeconds)
            + (activity.MagnetometerContinuousSeconds * ContinuousMagnetometerMicroamps);
        return charge / seconds;
    }
}
