namespace EdgeCity.Firmware.Parking
{
    /// <summary>Why the processor woke.</summary>
    public enum WakeCause
    {
        /// <summary>Power-on or reset.</summary>
        Boot = 0,

        /// <summary>The timer the program asked for expired.</summary>
        Timer = 1,

        /// <summary>The magnetometer's threshold interrupt fired: the field changed.</summary>
        FieldChanged = 2,
    }
}
