using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// The parts of a parking bay sensor board, as boards.json wires them. Only the magnetometer and its wake
    /// source are required; a board may lack a temperature sensor, a distance sensor or a battery gauge (null).
    /// </summary>
    public sealed class ParkingBoardHardware
    {
        /// <summary>Wires a board.</summary>
        /// <param name="magnetometer">The in-ground magnetometer.</param>
        /// <param name="wake">Its threshold interrupt (LIS2MDL), or the low-power coprocessor watching it (HMC5883L, QMC5883L).</param>
        /// <param name="memory">Non-volatile storage for the detector's state across resets.</param>
        public ParkingBoardHardware(IMagnetometer magnetometer, IMagnetometerWake wake, INonVolatileMemory memory)
        {
            Magnetometer = magnetometer;
            Wake = wake;
            Memory = memory;
        }

        /// <summary>The magnetometer.</summary>
        public IMagnetometer Magnetometer { get; private set; }

        /// <summary>What wakes the processor when the field changes.</summary>
        public IMagnetometerWake Wake { get; private set; }

        /// <summary>Storage that survives brown-outs.</summary>
        public INonVolatileMemory Memory { get; private set; }

        /// <summary>Board temperature (the magnetometer's die or a separate sensor), or null.</summary>
        public ITemperatureSensor? Temperature { get; set; }

        /// <summary>Optional VL53L0X looking up at the underbody, or null.</summary>
        public IDistanceSensor? Distance { get; set; }

        /// <summary>Battery voltage, or null.</summary>
        public IBatteryGauge? Battery { get; set; }
    }
}
