namespace EdgeCity.Firmware.Drivers
{
    /// <summary>What a chip driver found when it started; a failed chip is reported, never read as zero.</summary>
    public enum DriverStatus
    {
        /// <summary><c>Start()</c> has not been called yet.</summary>
        NotStarted = 0,

        /// <summary>The chip answered with the expected identity and is configured.</summary>
        Ready = 1,

        /// <summary>The chip did not acknowledge its address (absent, unpowered or a broken bus).</summary>
        NotResponding = 2,

        /// <summary>Something answered at the address but its identity register holds another value.</summary>
        WrongChip = 3,
    }
}
