namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>
    /// Judges a write-only SPI display from its supply current. The probe: measure with the page shown, send an
    /// all-black frame for one measurement, measure again, restore the page (a ~10 ms blank nobody notices).
    /// A panel that stays dark when it should be lit does not answer; one whose current does not drop for the
    /// black frame ignores what it is sent (stuck). Two bad probes in a row change the verdict; one good probe
    /// restores it.
    /// </summary>
    public sealed class DisplayHealthMonitor
    {
        private const int ConfirmProbes = 2;

        private int _noAnswerProbes;
        private int _stuckProbes;

        /// <summary>The current verdict.</summary>
        public DisplayHealth Health { get; private set; }

        /// <summary>Probes judged since start.</summary>
        public long Probes { get; private set; }

        /// <summary>
        /// Judges one probe. Returns true when <see cref="Health"/> changed.
        /// </summary>
        /// <param name="expectedMicroamps">What the page should draw at the contrast in use, µA.</param>
        /// <param name="pageMicroamps">Measured with the page shown, µA.</param>
        /// <param name="blankMicroamps">Measured with the black frame, µA.</param>
        public bool Judge(int expectedMicroamps, int pageMicroamps, int blankMicroamps)
        {
            if (expectedMicroamps < 2000)
            {
                // Too dim a page to tell a fault from the measurement's noise.
                return false;
            }

            Probes++;
            bool dark = pageMicroamps < expectedMicroamps / 5;
            bool frozen = !dark && blankMicroamps > pageMicroamps / 2;
            _noAnswerProbes = dark ? _noAnswerProbes + 1 : 0;
            _stuckProbes = frozen ? _stuckProbes + 1 : 0;

            DisplayHealth verdict = Health;
            if (_noAnswerProbes >= ConfirmProbes)
            {
                verdict = DisplayHealth.NoAnswer;
            }
            else if (_stuckProbes >= ConfirmProbes)
            {
                verdict = DisplayHealth.Stuck;
            }
            else if (!dark && !frozen)
            {
                verdict = DisplayHealth.Ok;
            }

            bool changed = verdict != Health;
            Health = verdict;
            return changed;
        }

        /// <summary>The wire name of <paramref name="health"/>.</summary>
        public static string NameOf(DisplayHealth health)
        {
            switch (health)
            {
                case DisplayHealth.NoAnswer:
                    return "no-answer";
                case DisplayHealth.Stuck:
                    return "stuck";
                default:
                    return "ok";
            }
        }
    }
}
