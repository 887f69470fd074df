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

    /// <summary>Conversions the magnetometer averages into one output (HMC5883L CRA MA bits; the firmware sets 8).</summary>
    public int MagnetometerSamplesAveraged { get; init; } = 8;

    /// <summary>One HMC5883L conversion: ~6 ms at 100 µA (datasheet: single measurement 6 ms, measurement current 100 µA).</summary>
    public double ConversionSeconds { get; init; } = 0.006;

    /// <summary>HMC5883L measurement current, µA (datasheet).</summary>
    public double MeasurementMicroamps { get; init; } = 100;

    /// <summary>
    /// One coprocessor sample: the ULP on (150 µA) for ~2 ms of bus work plus the whole averaged measurement, which
    /// it waits out, and the chip's measurement current for as long (8 conversions: ~48 ms, 12.3 µA·s; 1: 1.8 µA·s).
    /// </summary>
    public double CoprocessorSampleMicroampSeconds =>
        (150 * (0.002 + MeasurementSeconds)) + (MeasurementMicroamps * MeasurementSeconds);

    /// <summary>One processor wake: ~40 mA (ESP32 at 80 MHz, radio off) for ~25 ms from a deep-sleep wake stub.</summary>
    public double ProcessorWakeActiveMicroampSeconds { get; init; } = 40_000 * 0.025;

    /// <summary>ESP32 light sleep while the processor waits for the averaged measurement beyond the first conversion (datasheet: 0.8 mA).</summary>
    public double LightSleepMicroamps { get; init; } = 800;

    /// <summary>One processor wake: active time, plus light sleep and the chip's current during the extra conversions.</summary>
    public double ProcessorWakeMicroampSeconds =>
        ProcessorWakeActiveMicroampSeconds + ((LightSleepMicroamps + MeasurementMicroamps) * (MeasurementSeconds - ConversionSeconds));

    private double MeasurementSeconds => MagnetometerSamplesAveraged * ConversionSeconds;

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
