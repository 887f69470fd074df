namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>
    /// What the display shows, as pushed by the gateway: the stop's name, up to three arrivals and a notice, each
    /// in the four rotation languages. <see cref="Version"/> changes with every push so the program redraws.
    /// </summary>
    public sealed class ArrivalBoard
    {
        /// <summary>Arrival rows on the 64-pixel panel (one line is the header).</summary>
        public const int Rows = 3;

        /// <summary>Creates an empty board.</summary>
        public ArrivalBoard()
        {
            Arrivals = new ArrivalRow[Rows];
            for (int i = 0; i < Rows; i++)
            {
                Arrivals[i] = new ArrivalRow();
            }
        }

        /// <summary>The stop's name per <see cref="ShelterLanguage"/>.</summary>
        public readonly string[] StopName = new string[] { "", "", "", "" };

        /// <summary>The notice per language; empty strings when there is none.</summary>
        public readonly string[] Notice = new string[] { "", "", "", "" };

        /// <summary>The arrival rows, soonest first.</summary>
        public ArrivalRow[] Arrivals { get; private set; }

        /// <summary>Incremented by every change.</summary>
        public int Version { get; private set; }

        /// <summary>True when a notice is set.</summary>
        public bool HasNotice
        {
            get { return Notice[0].Length > 0; }
        }

        /// <summary>Sets the stop's name.</summary>
        public void SetStopName(string korean, string english, string chinese, string japanese)
        {
            Put(StopName, korean, english, chinese, japanese);
        }

        /// <summary>Sets arrival row <paramref name="row"/> (0–2).</summary>
        public void SetArrival(int row, string route, string korean, string english, string chinese, string japanese, int minutes)
        {
            ArrivalRow r = Arrivals[row];
            r.InUse = true;
            r.Route = route;
            r.Minutes = minutes < 0 ? 0 : minutes;
            Put(r.Destination, korean, english, chinese, japanese);
        }

        /// <summary>Updates only the minutes of row <paramref name="row"/> (the gateway's frequent update).</summary>
        public void SetMinutes(int row, int minutes)
        {
            Arrivals[row].Minutes = minutes < 0 ? 0 : minutes;
            Version++;
        }

        /// <summary>Empties arrival row <paramref name="row"/>.</summary>
        public void ClearArrival(int row)
        {
            Arrivals[row].InUse = false;
            Version++;
        }

        /// <summary>Sets the notice (empty Korean text clears it).</summary>
        public void SetNotice(string korean, string english, string chinese, string japanese)
        {
            Put(Notice, korean, english, chinese, japanese);
        }

        private void Put(string[] target, string korean, string english, string chinese, string japanese)
        {
            target[0] = korean;
            target[1] = english;
            target[2] = chinese;
            target[3] = japanese;
            Version++;
        }
    }
}
