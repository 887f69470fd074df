namespace EdgeCity.Firmware.Shelter.Shock
{
    /// <summary>The wire names of <see cref="ShockAlarmKind"/> (constants: no allocation).</summary>
    public static class ShockAlarmNames
    {
        /// <summary>Number of alarm kinds.</summary>
        public const int Count = 4;

        /// <summary>Returns the wire name of <paramref name="kind"/>.</summary>
        public static string Of(ShockAlarmKind kind)
        {
            switch (kind)
            {
                case ShockAlarmKind.Vandalism:
                    return "vandalism";
                case ShockAlarmKind.Tilt:
                    return "tilt";
                case ShockAlarmKind.TearOff:
                    return "tear-off";
                default:
                    return "impact";
            }
        }
    }
}
