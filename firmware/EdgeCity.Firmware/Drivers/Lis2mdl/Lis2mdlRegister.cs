namespace EdgeCity.Firmware.Drivers.Lis2mdl
{
    /// <summary>LIS2MDL register addresses (ST DS12144, section 7 "Register mapping").</summary>
    internal enum Lis2mdlRegister : byte
    {
        OffsetXLow = 0x45,
        OffsetXHigh = 0x46,
        OffsetYLow = 0x47,
        OffsetYHigh = 0x48,
        OffsetZLow = 0x49,
        OffsetZHigh = 0x4A,
        WhoAmI = 0x4F,
        ConfigA = 0x60,
        ConfigB = 0x61,
        ConfigC = 0x62,
        InterruptControl = 0x63,
        InterruptSource = 0x64,
        InterruptThresholdLow = 0x65,
        InterruptThresholdHigh = 0x66,
        Status = 0x67,
        OutXLow = 0x68,
        TemperatureLow = 0x6E,
    }
}
