namespace EdgeCity.Firmware.Parking
{
    /// <summary>The wire names of <see cref="BayState"/>, shared with the gateway's parser.</summary>
    public static class BayStateNames
    {
        /// <summary>Wire name of <see cref="BayState.Calibrating"/>.</summary>
        public const string Calibrating = "calibrating";

        /// <summary>Wire name of <see cref="BayState.Free"/>.</summary>
        public const string Free = "free";

        /// <summary>Wire name of <see cref="BayState.Occupied"/>.</summary>
        public const string Occupied = "occupied";

        /// <summary>Returns the wire name of <paramref name="state"/> (a constant: no allocation).</summary>
        public static string Of(BayState state)
        {
            switch (state)
            {
                case BayState.Free:
                    return Free;
                case BayState.Occupied:
                    return Occupied;
                default:
                    return Calibrating;
            }
        }
    }
}
