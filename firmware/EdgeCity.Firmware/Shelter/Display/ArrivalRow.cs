namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>One line of the arrival board: a route, its destination in each language, minutes to arrival.</summary>
    public sealed class ArrivalRow
    {
        /// <summary>True when the row shows a bus.</summary>
        public bool InUse;

        /// <summary>Route number as painted on the bus ("M6724", "8").</summary>
        public string Route = "";

        /// <summary>Destination per <see cref="ShelterLanguage"/>.</summary>
        public readonly string[] Destination = new string[] { "", "", "", "" };

        /// <summary>Minutes until the bus arrives (0 or 1: "arriving").</summary>
        public int Minutes;
    }
}
