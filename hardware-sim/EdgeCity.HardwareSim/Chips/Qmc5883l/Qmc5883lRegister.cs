namespace EdgeCity.HardwareSim.Chips.Qmc5883l;

/// <summary>QMC5883L register map (QST QMC5883L datasheet rev. 1.0, §9.1 Table 13 "Register Map").</summary>
internal enum Qmc5883lRegister : byte
{
    DataXLsb = 0x00,
    DataXMsb = 0x01,
    DataYLsb = 0x02,
    DataYMsb = 0x03,
    DataZLsb = 0x04,
    DataZMsb = 0x05,
    Status = 0x06,
    TemperatureLsb = 0x07,
    TemperatureMsb = 0x08,
    Control1 = 0x09,
    Control2 = 0x0A,
    SetResetPeriod = 0x0B,
    Reserved = 0x0C,
    ChipId = 0x0D,
}
