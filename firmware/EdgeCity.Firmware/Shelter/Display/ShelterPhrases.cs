namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>The display's fixed words in each rotation language (every character is in ShelterFontCharacters.txt).</summary>
    public static class ShelterPhrases
    {
        /// <summary>Number of rotation languages.</summary>
        public const int Languages = 4;

        private static readonly string[] MinutesSuffix = new string[] { "분", " min", "分", "分" };
        private static readonly string[] Arriving = new string[] { "곧 도착", "Arriving", "即将到站", "まもなく到着" };
        private static readonly string[] ServiceEnded = new string[] { "운행 종료", "Service ended", "运营结束", "運行終了" };
        private static readonly string[] FirstBus = new string[] { "첫차", "First bus", "首班车", "始発" };
        private static readonly string[] Notice = new string[] { "공지", "Notice", "公告", "お知らせ" };

        /// <summary>Written after a number of minutes ("3분", "3 min").</summary>
        public static string Minutes(ShelterLanguage language)
        {
            return MinutesSuffix[(int)language];
        }

        /// <summary>Shown instead of minutes when the bus is a minute or less away.</summary>
        public static string ArrivingNow(ShelterLanguage language)
        {
            return Arriving[(int)language];
        }

        /// <summary>Heading of the out-of-service page.</summary>
        public static string ServiceHasEnded(ShelterLanguage language)
        {
            return ServiceEnded[(int)language];
        }

        /// <summary>Label of the first-bus time.</summary>
        public static string FirstBusLabel(ShelterLanguage language)
        {
            return FirstBus[(int)language];
        }

        /// <summary>Heading of a notice page.</summary>
        public static string NoticeLabel(ShelterLanguage language)
        {
            return Notice[(int)language];
        }
    }
}
