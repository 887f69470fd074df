using EdgeCity.Firmware.Configuration;

namespace EdgeCity.Firmware.Shelter.Power
{
    /// <summary>
    /// Reads the gateway's schedule message, retained on <c>edgecity/{board}/down/schedule</c>:
    /// <c>{"firstBus":"05:30","lastBus":"23:30"}</c> (local time, 24-hour clock; a last bus before the first is
    /// after midnight). Other members are ignored, so the gateway may add to the message. A bad message is
    /// answered with a problem that names the field and what was expected, for the board's report to the gateway.
    /// </summary>
    public static class ServiceScheduleMessage
    {
        /// <summary>The member holding the first bus.</summary>
        public const string FirstBusKey = "firstBus";

        /// <summary>The member holding the last bus.</summary>
        public const string LastBusKey = "lastBus";

        /// <summary>
        /// Parses the first <paramref name="length"/> bytes of <paramref name="payload"/> into both times in minutes
        /// after local midnight (0–1439). Returns null, or what is wrong with the message.
        /// </summary>
        public static string? Read(byte[] payload, int length, out int firstBusMinute, out int lastBusMinute)
        {
            firstBusMinute = 0;
            lastBusMinute = 0;
            FlatJsonObject? message = FlatJsonObject.TryParse(payload, length);
            if (message == null)
            {
                return "schedule: not a flat JSON object (expected {\"firstBus\":\"HH:MM\",\"lastBus\":\"HH:MM\"})";
            }

            string? problem = ReadTime(message, FirstBusKey, out firstBusMinute);
            return problem != null ? problem : ReadTime(message, LastBusKey, out lastBusMinute);
        }

        /// <summary>Parses <c>HH:MM</c> (00:00–23:59) into minutes after midnight; -1 when it is not such a time.</summary>
        public static int MinuteOf(string time)
        {
            if (time.Length != 5 || time[2] != ':')
            {
                return -1;
            }

            int h1 = Digit(time[0]), h2 = Digit(time[1]), m1 = Digit(time[3]), m2 = Digit(time[4]);
            if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0)
            {
                return -1;
            }

            int hours = (h1 * 10) + h2;
            int minutes = (m1 * 10) + m2;
            return hours > 23 || minutes > 59 ? -1 : (hours * 60) + minutes;
        }

        private static string? ReadTime(FlatJsonObject message, string key, out int minute)
        {
            minute = -1;
            string text;
            if (!message.TryGetString(key, out text))
            {
                return "schedule: " + (message.Contains(key) ? "'" + key + "' is not a string" : "no '" + key + "'") + " (expected \"HH:MM\", 00:00 to 23:59)";
            }

            minute = MinuteOf(text);
            return minute < 0 ? "schedule: '" + key + "' is \"" + text + "\" (expected \"HH:MM\", 00:00 to 23:59)" : null;
        }

        private static int Digit(char c)
        {
            return c >= '0' && c <= '9' ? c - '0' : -1;
        }
    }
}
