namespace EdgeCity.Firmware.Drivers.Lis2mdl
{
    /// <summary>LIS2MDL register bits the driver uses (ST DS12144, section 8 "Register description").</summary>
    internal static class Lis2mdlBits
    {
        // CFG_REG_A (60h)
        public const byte TemperatureCompensation = 0x80; // COMP_TEMP_EN: "must be set to 1 for correct operation"
        public const byte SoftReset = 0x20;                // SOFT_RST
        public const byte LowPower = 0x10;                 // LP
        public const byte Odr10Hz = 0x00;                  // ODR[1:0] = 00
        public const byte ModeContinuous = 0x00;           // MD[1:0] = 00
        public const byte ModeSingle = 0x01;               // MD[1:0] = 01
        public const byte ModeIdle = 0x03;                 // MD[1:0] = 11
        public const byte ModeMask = 0x03;

        // CFG_REG_B (61h)
        public const byte OffsetCancellationOneShot = 0x10; // OFF_CANC_ONE_SHOT
        public const byte InterruptOnOffsetData = 0x08;     // INT_on_DataOFF
        public const byte OffsetCancellation = 0x02;        // OFF_CANC
        public const byte LowPassFilter = 0x01;             // LPF

        // CFG_REG_C (62h)
        public const byte InterruptOnPin = 0x40; // INT_on_PIN
        public const byte BlockDataUpdate = 0x10; // BDU

        // INT_CTRL_REG (63h)
        public const byte AllAxesEnabled = 0xE0;   // XIEN | YIEN | ZIEN
        public const byte ActiveHigh = 0x04;       // IEA
        public const byte Latched = 0x02;          // IEL
        public const byte InterruptEnable = 0x01;  // IEN

        // STATUS_REG (67h)
        public const byte NewDataXyz = 0x08; // Zyxda
    }
}
