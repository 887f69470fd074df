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
            Report = prefix + "report";
            string down = prefix + DownlinkLevel;
            DownlinkFilter = down + "#";
            ConfigDownlink = down + "config";
            ScheduleDownlink = down + "schedule";
            CommandDownlink = down + "command";
        }

        /// <summary>
        /// The topic level under a board's root that only the gateway publishes to (and the board only
        /// subscribes to): <c>edgecity/{boardId}/down/…</c>.
        /// </summary>
        public const string DownlinkLevel = "down/";

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

        /// <summary>The board's answers to downlink messages (configuration applied or refused, command done).</summary>
        public string Report { get; private set; }

        /// <summary>What the board subscribes to after every connect: all of its downlink topics.</summary>
        public string DownlinkFilter { get; private set; }

        /// <summary>Retained, gateway to board: the board's signed, versioned configuration.</summary>
        public string ConfigDownlink { get; private set; }

        /// <summary>Retained, gateway to board: service hours and similar schedules.</summary>
        public string ScheduleDownlink { get; private set; }

        /// <summary>Retained, gateway to board: a numbered command (e.g. recalibrate); the board runs each number once.</summary>
        public string CommandDownlink { get; private set; }
    }
}
