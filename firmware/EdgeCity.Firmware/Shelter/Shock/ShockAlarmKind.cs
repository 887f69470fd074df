namespace EdgeCity.Firmware.Shelter.Shock
{
    /// <summary>What an alarm reports; the wire names are in <see cref="ShockAlarmNames"/>.</summary>
    public enum ShockAlarmKind
    {
        /// <summary>One hard blow (a kick, a bat strike): peak at or above the strike level.</summary>
        Impact = 0,

        /// <summary>Repeated impacts within the vandalism window.</summary>
        Vandalism = 1,

        /// <summary>The unit's orientation changed: someone is bending, prying or tilting it.</summary>
        Tilt = 2,

        /// <summary>Free fall: the unit is being torn off or has fallen.</summary>
        TearOff = 3,
    }
}
