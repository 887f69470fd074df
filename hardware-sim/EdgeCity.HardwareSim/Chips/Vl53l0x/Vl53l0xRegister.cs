namespace EdgeCity.HardwareSim.Chips.Vl53l0x;

/// <summary>
/// The VL53L0X registers this model gives behaviour to (ST DS11555 §3.2 reference registers; the others are named
/// only in ST's API, STSW-IMG005). Every other address is plain storage on its page.
/// </summary>
internal enum Vl53l0xRegister : byte
{
    SysRangeStart = 0x00,
    SystemSequenceConfig = 0x01,
    SystemInterruptConfigGpio = 0x0A,
    SystemInterruptClear = 0x0B,
    ResultInterruptStatus = 0x13,
    ResultRangeStatus = 0x14,
    ResultRangeMillimetresHigh = 0x1E,
    ResultRangeMillimetresLow = 0x1F,
    FinalRangeMinCountRateLimitHigh = 0x44,
    PreRangeTimeoutHigh = 0x51,
    PreRangeTimeoutLow = 0x52,
    I2cSlaveDeviceAddress = 0x8A,
    NvmData = 0x90,
    StopVariable = 0x91,
    NvmAddress = 0x94,
    NvmStrobe = 0x83,
    SoftReset = 0xBF,
    ModelId = 0xC0,
    ModuleType = 0xC1,
    RevisionId = 0xC2,
    OscillatorCalibration = 0xF8,
    PageSelect = 0xFF,
}
