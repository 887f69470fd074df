using EdgeCity.Firmware.Configuration.Signing;
using EdgeCity.Firmware.Hardware;
using EdgeCity.Firmware.Parking;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// The board's side of <c>./edgecity config push</c>. A pushed configuration arrives retained on the board's
    /// config downlink (so a board asleep when it was sent gets it on waking); it is checked — signature under the
    /// board's own key, its board id, a version above any seen before, every field as the flashed file's — then
    /// applied and kept in non-volatile memory with the previous one. It stays <em>on probation</em> until the board
    /// has reached its gateway with it: then it is confirmed and reported <c>applied</c>. If the board cannot connect
    /// within <c>reachTries</c> attempts, or resets while on probation (as ESP-IDF's OTA rollback does), it goes
    /// back to the previous configuration and reports <c>rolled-back</c>. Refusals are reported too. Secrets (MQTT
    /// secret, signing key) never travel in a push: they stay those of the flashed file.
    /// </summary>
    public sealed class RemoteConfiguration
    {
        /// <summary>Largest pushed configuration (the gateway's downlink limit, BoardDownlink.MaxPayloadBytes).</summary>
        public const int MaxPayloadBytes = 2048;

        private const int StateDeployed = 0;
        private const int StateProbation = 1;
        private const int StateConfirmed = 2;
        private const int HeaderBytes = 28;
        private const int CurrentOffset = HeaderBytes;
        private const int PreviousOffset = HeaderBytes + MaxPayloadBytes;

        /// <summary>Bytes of the non-volatile record: header, current and previous pushed configuration.</summary>
        public const int RecordBytes = HeaderBytes + (2 * MaxPayloadBytes);

        private static readonly byte[] Magic = new byte[] { (byte)'E', (byte)'C', (byte)'F', (byte)'G' };

        private readonly BoardConfiguration _deployed;
        private readonly INonVolatileMemory _memory;
        private readonly IGatewayEndpoint? _endpoint;
        private readonly int _reachTries;
        private readonly HmacSha256? _mac;
        private readonly byte[] _record = new byte[RecordBytes];
        private readonly byte[] _scratch = new byte[2 * HmacSha256.TagBytes];
        private BoardConfiguration _current;
        private int _state;
        private int _lastSeenVersion;
        private int _lastRefusedTag;

        /// <summary>Creates the board's remote configuration over the configuration it was flashed with.</summary>
        /// <param name="deployed">The flashed file as read at boot (its key checks pushes; its secrets are kept).</param>
        /// <param name="memory">Its own non-volatile record (its own NVS key on a device), <see cref="RecordBytes"/> long.</param>
        /// <param name="endpoint">Where the uplink connects; moved when a configuration changes the gateway. May be null.</param>
        /// <param name="reachTries">Failed connection attempts with a new configuration before rolling back (1–20).</param>
        public RemoteConfiguration(BoardConfiguration deployed, INonVolatileMemory memory, IGatewayEndpoint? endpoint, int reachTries)
        {
            if (deployed == null)
            {
                throw new System.ArgumentNullException("deployed");
            }

            if (memory == null)
            {
                throw new System.ArgumentNullException("memory");
            }

            if (reachTries < 1 || reachTries > 20)
            {
                throw new System.ArgumentOutOfRangeException("reachTries", "expected 1 to 20 connection attempts");
            }

            _deployed = deployed;
            _current = deployed;
            _memory = memory;
            _endpoint = endpoint;
            _reachTries = reachTries;
            byte[]? key = ConfigurationSignature.ParseKey(deployed.ConfigKey);
            _mac = key == null ? null : new HmacSha256(key);
        }

        /// <summary>The configuration the board runs on: the latest confirmed (or on-probation) push, else the flashed file.</summary>
        public BoardConfiguration Current { get { return _current; } }

        /// <summary>Version of <see cref="Current"/>: 0 for the flashed file.</summary>
        public int AppliedVersion { get { return _current.ConfigVersion; } }

        /// <summary>True while a new configuration has not yet reached the gateway: the program should wake soon to retry.</summary>
        public bool OnProbation { get { return _state == StateProbation; } }

        /// <summary>Configurations confirmed since boot (reached the gateway): a change tells the program to end safe mode.</summary>
        public int Confirmations { get; private set; }

        /// <summary>What the board last reported, e.g. "applied:3", "refused:signature", "rolled-back:4:gateway-unreachable".</summary>
        public string LastReport { get; private set; } = string.Empty;

        /// <summary>
        /// Call once at boot, before the first <see cref="BoardUplink.Service()"/>: restores the pushed configuration
        /// from non-volatile memory and points the uplink at its gateway. A configuration still on probation is
        /// rolled back (the board reset before it proved itself).
        /// </summary>
        public void Boot(BoardUplink uplink)
        {
            _state = StateDeployed;
            _lastSeenVersion = 0;
            if (_memory.TryLoad(_record, RecordBytes) && HasMagic())
            {
                _state = Bytes.GetInt(_record, 4);
                _lastSeenVersion = Bytes.GetInt(_record, 8);
            }
            else
            {
                System.Array.Clear(_record, 0, HeaderBytes);
            }

            if (_state == StateProbation)
            {
                RollBack(uplink, ConfigurationOutcome.ResetOnProbation);
                return;
            }

            _current = _state == StateConfirmed ? Parse(CurrentOffset) : _deployed;
            PointEndpoint();
        }

        /// <summary>
        /// Call on every wake, after <see cref="BoardUplink.Service()"/>: while a new configuration is on probation it
        /// tries the gateway, then confirms it (report <c>applied</c>) or, after <c>reachTries</c> failed attempts, rolls
        /// back (report <c>rolled-back</c>). Returns true when <see cref="Current"/> changed (the program reloads it).
        /// </summary>
        public bool Service(BoardUplink uplink)
        {
            return _state == StateProbation && TryProve(uplink);
        }

        /// <summary>
        /// A message that arrived on the board's config downlink (the program's downlink loop routes it here; schedules
        /// and commands go elsewhere). Checks it and applies it when it is good and new, then tries the gateway with it
        /// at once. Returns true when <see cref="Current"/> changed. Refusals are reported and sent.
        /// </summary>
        public bool Accept(BoardUplink uplink, byte[] payload, int length)
        {
            if (_state == StateProbation || length <= 0 || length > MaxPayloadBytes)
            {
                return false; // one change at a time; the retained message comes again after the next connect
            }

            if (!Consider(uplink, payload, length))
            {
                if (uplink.Queue.Count > 0)
                {
                    uplink.Service(); // a refusal goes out on this connection
                }

                return false;
            }

            TryProve(uplink);
            return true;
        }

        private bool TryProve(BoardUplink uplink)
        {
            uplink.Service();
            if (uplink.IsConnected)
            {
                _state = StateConfirmed;
                Confirmations++;
                Save();
                Report(uplink, ConfigurationOutcome.Applied, _current.ConfigVersion, string.Empty);
                uplink.Service();
                return false;
            }

            if (uplink.ConnectFailures < _reachTries)
            {
                return false;
            }

            RollBack(uplink, ConfigurationOutcome.GatewayUnreachable);
            uplink.ServiceUrgently(); // back on the known-good gateway at once, with the report
            return true;
        }

        /// <summary>Checks <paramref name="payload"/>; applies it and returns true when it is good and new.</summary>
        private bool Consider(BoardUplink uplink, byte[] payload, int length)
        {
            if (_mac == null)
            {
                RefuseOnce(uplink, ConfigurationOutcome.NoKey, payload, length);
                return false;
            }

            if (ConfigurationSignature.Verify(payload, length, _mac, _scratch) < 0)
            {
                RefuseOnce(uplink, ConfigurationOutcome.BadSignature, payload, length);
                return false;
            }

            // Signed by the site, so the version can be trusted. The retained message comes again after every
            // connect, and an old one must never come back: anything not above the last version seen is ignored.
            int version = FlatVersion(payload, length);
            if (version < 1)
            {
                RefuseOnce(uplink, "config-field-invalid:configVersion", payload, length);
                return false;
            }

            if (version <= _lastSeenVersion)
            {
                return false;
            }

            _lastSeenVersion = version;
            BoardConfiguration candidate = BoardConfigurationReader.Read(payload, length);
            if (candidate.IsSafeDefault || candidate.BoardId != _deployed.BoardId)
            {
                Save();
                Report(uplink, ConfigurationOutcome.Refused, version, candidate.IsSafeDefault ? candidate.FaultCode : ConfigurationOutcome.OtherBoard);
                return false;
            }

            // The current configuration becomes the previous one (version 0: the flashed file); the new one goes on probation.
            Bytes.PutInt(_record, 16, Bytes.GetInt(_record, 12));
            Bytes.PutInt(_record, 24, Bytes.GetInt(_record, 20));
            System.Array.Copy(_record, CurrentOffset, _record, PreviousOffset, MaxPayloadBytes);
            Bytes.PutInt(_record, 12, version);
            Bytes.PutInt(_record, 20, length);
            System.Array.Copy(payload, 0, _record, CurrentOffset, length);
            _state = StateProbation;
            Save();
            _current = WithSecrets(candidate);
            PointEndpoint();
            uplink.Close();
            return true;
        }

        private void RollBack(BoardUplink uplink, string reason)
        {
            int failed = Bytes.GetInt(_record, 12);
            int previousVersion = Bytes.GetInt(_record, 16);
            Bytes.PutInt(_record, 12, previousVersion);
            Bytes.PutInt(_record, 20, Bytes.GetInt(_record, 24));
            System.Array.Copy(_record, PreviousOffset, _record, CurrentOffset, MaxPayloadBytes);
            _state = previousVersion > 0 ? StateConfirmed : StateDeployed;
            Save();
            _current = _state == StateConfirmed ? Parse(CurrentOffset) : _deployed;
            PointEndpoint();
            uplink.Close();
            Report(uplink, ConfigurationOutcome.RolledBack, failed, reason);
        }

        private void RefuseOnce(BoardUplink uplink, string reason, byte[] payload, int length)
        {
            // The same bad message comes again after every connect: report it once, not on every wake.
            int tag = length;
            for (int i = length > 96 ? length - 96 : 0; i < length; i++)
            {
                tag = (tag * 31) + payload[i];
            }

            if (tag == _lastRefusedTag)
            {
                return;
            }

            _lastRefusedTag = tag;
            Report(uplink, ConfigurationOutcome.Refused, FlatVersion(payload, length), reason);
        }

        private static int FlatVersion(byte[] payload, int length)
        {
            FlatJsonObject? json = FlatJsonObject.TryParse(payload, length);
            int version;
            return json != null && json.TryGetInt("configVersion", out version) ? version : -1;
        }

        private BoardConfiguration Parse(int offset)
        {
            int length = Bytes.GetInt(_record, offset == CurrentOffset ? 20 : 24);
            var copy = new byte[length];
            System.Array.Copy(_record, offset, copy, 0, length);
            BoardConfiguration read = BoardConfigurationReader.Read(copy, length);
            return read.IsSafeDefault ? _deployed : WithSecrets(read);
        }

        private BoardConfiguration WithSecrets(BoardConfiguration pushed)
        {
            pushed.MqttSecret = _deployed.MqttSecret;
            pushed.ConfigKey = _deployed.ConfigKey;
            if (pushed.Apn.Length == 0)
            {
                pushed.Apn = _deployed.Apn;
            }

            return pushed;
        }

        private void PointEndpoint()
        {
            if (_endpoint != null)
            {
                _endpoint.SetGateway(_current.GatewayHost, _current.GatewayPort);
            }
        }

        private void Report(BoardUplink uplink, string outcome, int version, string reason)
        {
            JsonPayloadWriter message = uplink.BeginMessage();
            message.String("config", outcome);
            message.Number("version", version);
            message.Number("appliedVersion", _current.ConfigVersion);
            if (reason.Length > 0)
            {
                message.String("reason", reason);
            }

            uplink.Commit(uplink.Topics.Report, MessagePriority.StateChange);
            LastReport = reason.Length > 0 ? outcome + ":" + version.ToString() + ":" + reason : outcome + ":" + version.ToString();
        }

        private void Save()
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                _record[i] = Magic[i];
            }

            Bytes.PutInt(_record, 4, _state);
            Bytes.PutInt(_record, 8, _lastSeenVersion);
            _memory.Save(_record, RecordBytes); // a failed write loses the push at the next reset; the board keeps running
        }

        private bool HasMagic()
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                if (_record[i] != Magic[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
