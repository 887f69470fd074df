namespace EdgeCity.Inventory;

/// <summary>What a sensor measures. Written in camelCase in boards.json ("magnetometer").</summary>
public enum SensorKind
{
    /// <summary>Magnetic field (bay occupancy): HMC5883L, QMC5883L or LIS2MDL.</summary>
    Magnetometer,

    /// <summary>Time-of-flight distance (occupancy confirmation): VL53L0X.</summary>
    Distance,

    /// <summary>Battery voltage ADC: ADS1115.</summary>
    Battery,

    /// <summary>Acceleration (shock and vandalism detection): ADXL343 or LIS3DH.</summary>
    Accelerometer,

    /// <summary>Ambient light (night power saving): BH1750 or MAX44009.</summary>
    Light,

    /// <summary>Passive-infrared presence (PIR) on a plain GPIO.</summary>
    Presence,
}
