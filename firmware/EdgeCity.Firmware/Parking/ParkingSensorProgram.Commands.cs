using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// The parking program's side of the gateway's numbered commands (<see cref="NumberedCommand"/>). The radio is
    /// on only when the board has something to send, so a command is picked up at the next radio session (a state
    /// change, at the latest the daily heartbeat): the retained message arrives right after the board subscribes.
    /// Each id is run once: the last id is kept in flash with the detector, so a retained command is not run
    /// again after a reboot. Commands: <c>recalibrate</c> (the bay must be empty: the detector learns the empty
    /// field again; <c>done</c> is reported once the new baseline is in). Answers go to <c>edgecity/{id}/report</c>
    /// as <c>{"commandId":N,"command":"…","result":"done|started|unknown-command"}</c>.
    /// </summary>
    public sealed partial class ParkingSensorProgram
    {
        /// <summary>Largest downlink message the board takes (the gateway refuses larger ones).</summary>
        public const int DownlinkBufferBytes = 2048;

        private const string RecalibrateCommand = "recalibrate";

        private readonly byte[] _downlinkBuffer;

        // The last command id taken; negative while a recalibration it asked for is still running.
        private int _lastCommandId;

        /// <summary>The id of the last gateway command the board took (0: none yet).</summary>
        public int LastCommandId { get { return _lastCommandId < 0 ? -_lastCommandId : _lastCommandId; } }

        /// <summary>Downlink commands that could not be read (bad JSON, no id); each is logged nowhere else.</summary>
        public long CommandsRefused { get; private set; }

        /// <summary>
        /// After the uplink's service, the one reader of the downlink: pushed configurations to the configuration
        /// runtime (when one is attached), numbered commands to <see cref="TakeCommand"/>. One reader, because a
        /// message taken by one loop is gone for any other.
        /// </summary>
        private void ServiceDownlink()
        {
            bool changed = _configuration != null && _configuration.Service(_uplink);
            if (_configuration != null && _configuration.OnProbation)
            {
                // Until the new configuration has reached the gateway, nothing else is taken from it.
                return;
            }

            // The retained messages arrive right after the subscription, before the acknowledgements of what was
            // just sent: what is there is taken (waiting, if configured, for the first only).
            int wait = _settings.DownlinkWaitMs;
            string? topic;
            int length;
            while ((length = _uplink.ReceiveDownlink(_downlinkBuffer, wait, out topic)) >= 0)
            {
                wait = 0;
                if (topic == _uplink.Topics.CommandDownlink)
                {
                    TakeCommand(length);
                }
                else if (topic == _uplink.Topics.ConfigDownlink && _configuration != null)
                {
                    changed |= _configuration.Accept(_uplink, _downlinkBuffer, length);
                    if (_configuration.OnProbation)
                    {
                        break;
                    }
                }
            }

            if (changed && _configuration != null)
            {
                ApplyThresholds(_configuration.Current);
            }
        }

        private void TakeCommand(int length)
        {
            int id;
            string command;
            string error;
            if (!NumberedCommand.TryParse(_downlinkBuffer, length, out id, out command, out error))
            {
                CommandsRefused++;
                return;
            }

            if (id <= LastCommandId)
            {
                return; // already run: the retained message comes again on every connect
            }

            if (command == RecalibrateCommand)
            {
                _detector.Recalibrate();
                _lastCommandId = -id;
                ReportCommand(id, command, "started");
            }
            else
            {
                _lastCommandId = id;
                ReportCommand(id, command, "unknown-command");
            }

            SaveToMemory();
        }

        private void OnStateChanged()
        {
            if (_lastCommandId < 0 && _detector.State != BayState.Calibrating)
            {
                // The recalibration asked for has learnt the empty field.
                _lastCommandId = -_lastCommandId;
                ReportCommand(_lastCommandId, RecalibrateCommand, "done");
            }
        }

        private void ReportCommand(int id, string command, string result)
        {
            JsonPayloadWriter message = _uplink.BeginMessage();
            message.Number("commandId", id);
            message.String("command", command);
            message.String("result", result);
            _uplink.Commit(_uplink.Topics.Report, MessagePriority.StateChange);
        }
    }
}
