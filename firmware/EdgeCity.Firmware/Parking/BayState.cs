namespace EdgeCity.Firmware.Parking
{
    /// <summary>Occupancy of one parking bay as the sensor judges it.</summary>
    public enum BayState
    {
        /// <summary>Still learning the empty-bay baseline after boot.</summary>
        Calibrating = 0,

        /// <summary>No vehicle over the sensor.</summary>
        Free = 1,

        /// <summary>A vehicle is parked over the sensor.</summary>
        Occupied = 2,
    }
}
