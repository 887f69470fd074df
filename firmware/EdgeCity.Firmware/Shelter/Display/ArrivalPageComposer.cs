namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>
    /// Lays out the pages of the 256×64 panel in four 16-pixel lines: a header (stop name, local time) and three
    /// arrivals (route, destination, minutes right-aligned), a notice page, and the out-of-service page with the
    /// first bus. Draws straight into the frame; allocates nothing.
    /// </summary>
    public sealed class ArrivalPageComposer
    {
        /// <summary>Grey level of primary text (route, minutes, stop name).</summary>
        public const int Bright = 15;

        /// <summary>Grey level of secondary text (destination, clock).</summary>
        public const int Dim = 10;

        /// <summary>Width of the route column, pixels.</summary>
        public const int RouteColumnPx = 64;

        private readonly GreyFrame _frame;

        /// <summary>Composes into <paramref name="frame"/>.</summary>
        public ArrivalPageComposer(GreyFrame frame)
        {
            _frame = frame;
        }

        /// <summary>The arrivals page in <paramref name="language"/> at local time <paramref name="minuteOfDay"/>.</summary>
        public void ComposeArrivals(ArrivalBoard board, ShelterLanguage language, int minuteOfDay)
        {
            _frame.Clear();
            Header(board.StopName[(int)language], minuteOfDay);
            int width = _frame.WidthPx;
            for (int i = 0; i < ArrivalBoard.Rows; i++)
            {
                ArrivalRow row = board.Arrivals[i];
                if (!row.InUse)
                {
                    continue;
                }

                int y = ShelterFont.HeightPx * (i + 1);
                ShelterFont.Draw(_frame, 0, y, row.Route, Bright, RouteColumnPx - 4);

                // Minutes first (right-aligned), so the destination is clipped before them, never over them.
                int minutesX;
                if (row.Minutes <= 1)
                {
                    string arriving = ShelterPhrases.ArrivingNow(language);
                    minutesX = width - ShelterFont.Measure(arriving);
                    ShelterFont.Draw(_frame, minutesX, y, arriving, Bright, width);
                }
                else
                {
                    string suffix = ShelterPhrases.Minutes(language);
                    minutesX = width - ShelterFont.MeasureNumber(row.Minutes) - ShelterFont.Measure(suffix);
                    int x = ShelterFont.DrawNumber(_frame, minutesX, y, row.Minutes, Bright);
                    ShelterFont.Draw(_frame, x, y, suffix, Bright, width);
                }

                ShelterFont.Draw(_frame, RouteColumnPx, y, row.Destination[(int)language], Dim, minutesX - 6);
            }
        }

        /// <summary>The notice page in <paramref name="language"/>, wrapped over the three lower lines.</summary>
        public void ComposeNotice(ArrivalBoard board, ShelterLanguage language, int minuteOfDay)
        {
            _frame.Clear();
            Header(ShelterPhrases.NoticeLabel(language), minuteOfDay);
            string text = board.Notice[(int)language];
            int x = 0;
            int line = 1;
            for (int i = 0; i < text.Length && line < 4; i++)
            {
                int advance = ShelterFont.Advance(text[i]);
                if (x + advance > _frame.WidthPx)
                {
                    line++;
                    x = 0;
                    if (line >= 4 || text[i] == ' ')
                    {
                        continue;
                    }
                }

                x += ShelterFont.DrawChar(_frame, x, ShelterFont.HeightPx * line, text[i], Bright);
            }
        }

        /// <summary>The out-of-service page: the stop, "service ended", and the first bus's time.</summary>
        public void ComposeServiceEnded(ArrivalBoard board, ShelterLanguage language, int minuteOfDay, int firstBusMinute)
        {
            _frame.Clear();
            Header(board.StopName[(int)language], minuteOfDay);
            ShelterFont.Draw(_frame, 0, ShelterFont.HeightPx, ShelterPhrases.ServiceHasEnded(language), Bright, _frame.WidthPx);
            int x = ShelterFont.Draw(_frame, 0, ShelterFont.HeightPx * 2, ShelterPhrases.FirstBusLabel(language), Dim, _frame.WidthPx);
            Clock(x + 8, ShelterFont.HeightPx * 2, firstBusMinute, Bright);
        }

        private void Header(string title, int minuteOfDay)
        {
            int clockWidth = (4 * ShelterFont.Advance('0')) + ShelterFont.Advance(':');
            int clockX = _frame.WidthPx - clockWidth;
            ShelterFont.Draw(_frame, 0, 0, title, Bright, clockX - 6);
            Clock(clockX, 0, minuteOfDay, Dim);
        }

        private void Clock(int x, int y, int minuteOfDay, int grey)
        {
            int hours = minuteOfDay / 60;
            int minutes = minuteOfDay % 60;
            x += ShelterFont.DrawChar(_frame, x, y, (char)('0' + (hours / 10)), grey);
            x += ShelterFont.DrawChar(_frame, x, y, (char)('0' + (hours % 10)), grey);
            x += ShelterFont.DrawChar(_frame, x, y, ':', grey);
            x += ShelterFont.DrawChar(_frame, x, y, (char)('0' + (minutes / 10)), grey);
            ShelterFont.DrawChar(_frame, x, y, (char)('0' + (minutes % 10)), grey);
        }
    }
}
