namespace EdgeCity.Firmware.Uplink
{
    /// <summary>
    /// The MQTT topics of one board, built once at start so the loop does not concatenate strings.
    /// Every board publishes only under <c>edgecity/{boardId}/</c>; the gateway's ACL enforces it.
    /// </summary>
    public sealed class BoardTopics
    {
        /// <summary>The common prefix of all EdgeCity board topics.</summary>
        public const string Root = "edgecity/";

        /// <summary>Builds the topics of <paramref name="boardId"/>.</summary>
        public BoardTopics(string boardId)
        {
            BoardId = boardId;
            string prefix = Root + boardId + "/";
            Status = prefix + "status";
            State = prefix + "state";
            Heartbeat = prefix + "heartbeat";
            Alarm = prefix + "alarm";
        }

        /// <summary>The board's id, also its MQTT client id.</summary>
        public string BoardId { get; private set; }

        /// <summary>Retained online/offline status: the birth message and the last will.</summary>
        public string Status { get; private set; }

        /// <summary>State changes (occupied/free, alarms).</summary>
        public string State { get; private set; }

        /// <summary>Periodic health: battery, temperature, counters.</summary>
        public string Heartbeat { get; private set; }

        /// <summary>Alarms (shock, vandalism, tamper) for the 112 connector: sent ahead of anything queued.</summary>
        public string Alarm { get; private set; }
    }
}
