namespace EdgeCity.Firmware.Configuration
{
    /// <summary>Why a board runs on its safe default configuration instead of the deployed one.</summary>
    public enum ConfigurationFault
    {
        /// <summary>The deployed configuration was read and is complete.</summary>
        None = 0,

        /// <summary>No configuration file in internal storage (never deployed, or erased).</summary>
        Missing = 1,

        /// <summary>The file is not the flat JSON object the flasher writes (truncated, garbled, nested).</summary>
        Corrupt = 2,

        /// <summary>A required field is absent; <see cref="BoardConfiguration.FaultField"/> names it.</summary>
        FieldMissing = 3,

        /// <summary>A field has the wrong type or is out of range; <see cref="BoardConfiguration.FaultField"/> names it.</summary>
        FieldInvalid = 4,

        /// <summary>The file's <c>version</c> is not one this firmware reads.</summary>
        UnsupportedVersion = 5,
    }
}
