using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Drivers
{
    /// <summary>
    /// The start-up check every I2C driver makes before configuring its chip: the chip acknowledges, and its
    /// identity register holds the datasheet's value. The failure reason names the chip, its address, the register
    /// and what was read against what was expected, so a technician can tell a missing part from a wrong one.
    /// </summary>
    public static class ChipIdentity
    {
        /// <summary>
        /// Reads <paramref name="register"/> through <paramref name="bus"/> into <paramref name="buffer"/>[0]. Returns null
        /// when it holds <paramref name="expected"/>; otherwise the reason, with <paramref name="failure"/> set to
        /// <see cref="DriverStatus.NotResponding"/> or <see cref="DriverStatus.WrongChip"/>.
        /// </summary>
        public static string? Check(IRegisterBus bus, byte[] buffer, string chip, int address, byte register, string registerName,
            byte expected, out DriverStatus failure)
        {
            if (!bus.TryRead(register, buffer, 1))
            {
                failure = DriverStatus.NotResponding;
                return chip + " at " + HexText.Byte(address) + " did not acknowledge";
            }

            if (buffer[0] != expected)
            {
                failure = DriverStatus.WrongChip;
                return chip + " at " + HexText.Byte(address) + ": " + registerName + " (" + HexText.Byte(register) + ") read " +
                    HexText.Byte(buffer[0]) + ", expected " + HexText.Byte(expected);
            }

            failure = DriverStatus.Ready;
            return null;
        }
    }
}
