using EdgeCity.Firmware.Configuration;

namespace EdgeCity.Firmware.Uplink
{
    /// <summary>
    /// A command from the gateway on <c>edgecity/{board}/down/command</c>: <c>{"id":N,"command":"name"}</c>. The
    /// gateway publishes it retained, so a board sees it again on every connect until another replaces it; the id
    /// (a positive integer that grows with every new command) is how the board runs each one once, even across a
    /// reboot. Parsed only when a radio session brings one, never in the sampling loop.
    /// </summary>
    public static class NumberedCommand
    {
        /// <summary>
        /// Reads the first <paramref name="length"/> bytes of <paramref name="payload"/>; false (and why, in
        /// <paramref name="error"/>) unless they are a flat JSON object with a positive integer <c>id</c> and a
        /// string <c>command</c>.
        /// </summary>
        public static bool TryParse(byte[] payload, int length, out int id, out string command, out string error)
        {
            id = 0;
            command = string.Empty;
            FlatJsonObject? json = FlatJsonObject.TryParse(payload, length);
            if (json == null)
            {
                error = "not a flat JSON object";
                return false;
            }

            if (!json.TryGetInt("id", out id) || id <= 0)
            {
                error = "\"id\": expected a positive integer";
                return false;
            }

            if (!json.TryGetString("command", out command) || command.Length == 0)
            {
                error = "\"command\": expected a command name";
                return false;
            }

            error = string.Empty;
            return true;
        }
    }
}
