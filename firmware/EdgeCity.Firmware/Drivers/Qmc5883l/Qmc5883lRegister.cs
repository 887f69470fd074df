namespace EdgeCity.Firmware.Drivers.Qmc5883l
{
    /// <summary>QMC5883L register addresses (QST QMC5883L datasheet rev. 1.0, Table 13 "Register Map").</summary>
    internal enum Qmc5883lRegister : byte
    {
        DataXLsb = 0x00,
        Status = 0x06,
        TemperatureLsb = 0x07,
        Control1 = 0x09,
        Control2 = 0x0A,
        SetResetPeriod = 0x0B,
        ChipId = 0x0D,
    }
}
