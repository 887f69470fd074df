namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// The words a board reports on its report topic (<c>"config"</c> member) about a pushed configuration, and the
    /// reasons it gives (<c>"reason"</c>). The gateway stores them as they come; <c>./edgecity fleet status</c> shows them.
    /// </summary>
    public static class ConfigurationOutcome
    {
        /// <summary>Applied, and the board reached its gateway with it.</summary>
        public const string Applied = "applied";

        /// <summary>Not applied; <c>reason</c> says why.</summary>
        public const string Refused = "refused";

        /// <summary>Applied, then abandoned for the previous configuration; <c>reason</c> says why.</summary>
        public const string RolledBack = "rolled-back";

        /// <summary>Reason: the tag is missing, malformed or does not match the board's key.</summary>
        public const string BadSignature = "signature";

        /// <summary>Reason: the board was flashed without a configuration key, so it cannot check any push.</summary>
        public const string NoKey = "no-key";

        /// <summary>Reason: the configuration names another board.</summary>
        public const string OtherBoard = "board";

        /// <summary>Reason: after applying, the board could not connect to the gateway within the allowed tries.</summary>
        public const string GatewayUnreachable = "gateway-unreachable";

        /// <summary>Reason: the board reset before the new configuration had reached the gateway.</summary>
        public const string ResetOnProbation = "reset-on-probation";
    }
}
