using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// The configuration a board program runs on, from boot to power-off: the boot decision
    /// (<see cref="BootSupervisor"/>: normal or safe mode) joined with pushed configurations
    /// (<see cref="RemoteConfiguration"/>). A pushed configuration that reached the gateway is a good configuration:
    /// it ends a boot loop's safe mode. Both board programs use it the same way: <see cref="CheckSafeMode"/> at the
    /// start of every wake, <see cref="Service"/> after the uplink's, config downlink messages to <see cref="Accept"/>.
    /// </summary>
    public sealed class BoardConfigurationRuntime
    {
        private readonly BootSupervisor _supervisor;
        private readonly RemoteConfiguration _remote;
        private readonly long _bootUnixMs;
        private int _seenConfirmations;

        /// <summary>Joins a booted supervisor and a booted remote configuration; <paramref name="bootUnixMs"/> is when the board started.</summary>
        public BoardConfigurationRuntime(BootSupervisor supervisor, RemoteConfiguration remote, long bootUnixMs)
        {
            if (supervisor == null)
            {
                throw new System.ArgumentNullException("supervisor");
            }

            if (remote == null)
            {
                throw new System.ArgumentNullException("remote");
            }

            _supervisor = supervisor;
            _remote = remote;
            _bootUnixMs = bootUnixMs;
            if (remote.AppliedVersion > 0)
            {
                supervisor.Use(remote.Current, false); // restored from flash: it proved itself before, but not this boot
            }
        }

        /// <summary>The configuration in force (thresholds, wiring, gateway).</summary>
        public BoardConfiguration Current { get { return _supervisor.Configuration; } }

        /// <summary>True while the board must run uplink only and report.</summary>
        public bool InSafeMode { get { return _supervisor.InSafeMode; } }

        /// <summary>True while a pushed configuration has not yet reached the gateway: wake again soon.</summary>
        public bool OnProbation { get { return _remote.OnProbation; } }

        /// <summary>The pushed configuration's state (version, last report).</summary>
        public RemoteConfiguration Remote { get { return _remote; } }

        /// <summary>Start of every wake: lets the boot-loop guard see the uptime; true when the board is in safe mode.</summary>
        public bool CheckSafeMode(long nowUnixMs)
        {
            _supervisor.OnUptime((int)((nowUnixMs - _bootUnixMs) / 1000));
            return _supervisor.InSafeMode;
        }

        /// <summary>After the uplink's service: probation (confirm or roll back). True when <see cref="Current"/> changed.</summary>
        public bool Service(BoardUplink uplink)
        {
            return Adopt(_remote.Service(uplink));
        }

        /// <summary>A message from the board's config downlink. True when <see cref="Current"/> changed.</summary>
        public bool Accept(BoardUplink uplink, byte[] payload, int length)
        {
            return Adopt(_remote.Accept(uplink, payload, length));
        }

        /// <summary>The heartbeat member carrying the configuration version (short: the parking heartbeat nearly fills its 384-byte slot).</summary>
        public const string VersionMember = "cfg";

        /// <summary>Adds <c>cfg</c> (the configuration version), and in safe mode <c>safeMode</c> and <c>faults</c>, to a heartbeat being written.</summary>
        public void WriteStatus(JsonPayloadWriter message)
        {
            message.Number(VersionMember, _remote.AppliedVersion);
            if (_supervisor.InSafeMode)
            {
                _supervisor.WriteStatus(message);
            }
        }

        private bool Adopt(bool changed)
        {
            if (_remote.Confirmations != _seenConfirmations)
            {
                _seenConfirmations = _remote.Confirmations;
                _supervisor.Use(_remote.Current, true);
                return true;
            }

            if (changed)
            {
                _supervisor.Use(_remote.Current, false);
            }

            return changed;
        }
    }
}
