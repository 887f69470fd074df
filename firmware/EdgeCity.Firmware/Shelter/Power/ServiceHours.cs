namespace EdgeCity.Firmware.Shelter.Power
{
    /// <summary>
    /// The stop's service day from the gateway: first and last bus, as minutes after local midnight. A last bus
    /// after midnight (e.g. 00:40) wraps: the service day then runs from the first bus to 00:40 the next day.
    /// </summary>
    public sealed class ServiceHours
    {
        /// <summary>Creates service hours from <paramref name="firstBusMinute"/> to <paramref name="lastBusMinute"/> (0–1439 each).</summary>
        public ServiceHours(int firstBusMinute, int lastBusMinute)
        {
            Set(firstBusMinute, lastBusMinute);
        }

        /// <summary>First bus, minutes after local midnight.</summary>
        public int FirstBusMinute { get; private set; }

        /// <summary>Last bus, minutes after local midnight.</summary>
        public int LastBusMinute { get; private set; }

        /// <summary>Replaces the hours (a push from the gateway). Out-of-range values are clamped.</summary>
        public void Set(int firstBusMinute, int lastBusMinute)
        {
            FirstBusMinute = Clamp(firstBusMinute);
            LastBusMinute = Clamp(lastBusMinute);
        }

        /// <summary>True when buses run at <paramref name="minuteOfDay"/> (local, 0–1439).</summary>
        public bool IsInService(int minuteOfDay)
        {
            if (FirstBusMinute <= LastBusMinute)
            {
                return minuteOfDay >= FirstBusMinute && minuteOfDay <= LastBusMinute;
            }

            return minuteOfDay >= FirstBusMinute || minuteOfDay <= LastBusMinute;
        }

        private static int Clamp(int minute)
        {
            return minute < 0 ? 0 : minute > 1439 ? 1439 : minute;
        }
    }
}
