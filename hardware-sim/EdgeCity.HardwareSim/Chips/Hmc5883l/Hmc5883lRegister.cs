namespace EdgeCity.HardwareSim.Chips.Hmc5883l;

/// <summary>HMC5883L register map (Honeywell HMC5883L datasheet, Table 2 "Register List").</summary>
internal enum Hmc5883lRegister : byte
{
    ConfigurationA = 0x00,
    ConfigurationB = 0x01,
    Mode = 0x02,
    DataXMsb = 0x03,
    DataXLsb = 0x04,
    DataZMsb = 0x05,
    DataZLsb = 0x06,
    DataYMsb = 0x07,
    DataYLsb = 0x08,
    Status = 0x09,
    IdentificationA = 0x0A,
    IdentificationB = 0x0B,
    IdentificationC = 0x0C,
}
