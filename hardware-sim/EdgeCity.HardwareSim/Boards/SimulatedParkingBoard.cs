using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Hardware;
using EdgeCity.Firmware.Parking;
using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips;
using EdgeCity.HardwareSim.Chips.Hmc5883l;
using EdgeCity.HardwareSim.Chips.Vl53l0x;
using EdgeCity.HardwareSim.Chips.Lis2mdl;
using EdgeCity.HardwareSim.Chips.Qmc5883l;
using EdgeCity.Firmware.Drivers.Lis2mdl;
using EdgeCity.Firmware.Drivers.Qmc5883l;
using EdgeCity.HardwareSim.Time;

namespace EdgeCity.HardwareSim.Boards;

/// <summary>
/// One parking bay sensor board in the simulator: the firmware's <see cref="ParkingSensorProgram"/> on the
/// real .NET IoT HMC5883L driver and an emulated chip, the coprocessor watching it while the processor
/// sleeps, a temperature sensor, non-volatile memory, and a radio. <see cref="Step"/> is called as virtual time
/// passes and wakes the program on its timer or when the coprocessor sees the field move.
/// </summary>
public sealed class SimulatedParkingBoard : IDisposable
{
    private readonly VirtualClock _clock;
    private readonly IDisposable? _driver;
    private readonly EmulatedLis2mdl? _lis2mdl;
    private readonly EmulatedQmc5883l? _qmc5883l;
    private readonly CoprocessorFieldWatcher? _watcher;
    private readonly BootCounter _bootCounter = new();
    private readonly byte[]? _configurationFile;
    private long _nextTimerWakeMs;

    /// <summary>Assembles and boots board <paramref name="boardId"/>.</summary>
    /// <param name="boardId">The board's id from boards.json, also its MQTT client id.</param>
    /// <param name="clock">The virtual clock.</param>
    /// <param name="site">What the sensor senses (field, temperature).</param>
    /// <param name="radio">The uplink (a real MQTT client, or an air log for benchmarks).</param>
    /// <param name="seed">Seeds the chip noise and sensor errors.</param>
    /// <param name="settings">Firmware settings; when null the production defaults for the magnetometer fitted (<see cref="ParkingSensorSettings.ForAveragedHmc5883l"/> on HMC5883L boards).</param>
    /// <param name="withDistanceSensor">Fit a VL53L0X looking up (emulated, read by the real .NET IoT driver).</param>
    /// <param name="model">The magnetometer fitted.</param>
    /// <param name="configurationFile">
    /// The flashed configuration file (edgecity.json as <c>./edgecity flash</c> renders it). With one, the board boots
    /// as a device does: boot-loop guard, configuration read, safe mode when needed, pushed configurations taken
    /// from the downlink. Without one (the demo, the benchmarks) the program runs on <paramref name="settings"/> alone.
    /// </param>
    public SimulatedParkingBoard(string boardId, VirtualClock clock, ISensorSite site, IUplinkTransport radio, int seed,
        ParkingSensorSettings? settings = null, bool withDistanceSensor = false, ParkingMagnetometerModel model = ParkingMagnetometerModel.Hmc5883l,
        byte[]? configurationFile = null)
    {
        _configurationFile = configurationFile;
        BoardId = boardId;
        _clock = clock;
        Model = model;
        var random = new Random(seed);
        int chipSeed = random.Next();
        ITemperatureSensor temperature = new WorldTemperatureSensor(site, random);
        IMagnetometer magnetometer;
        IMagnetometerWake wake;
        switch (model)
        {
            case ParkingMagnetometerModel.Lis2mdl:
                _lis2mdl = new EmulatedLis2mdl(site, chipSeed, site);
                var lis2mdl = new Lis2mdlMagnetometer(new I2cRegisterBus(_lis2mdl), new SimulatedInputPin(() => _lis2mdl.InterruptLine));
                lis2mdl.Start();
                (magnetometer, wake, temperature) = (lis2mdl, lis2mdl, lis2mdl);
                break;
            case ParkingMagnetometerModel.Qmc5883l:
                _qmc5883l = new EmulatedQmc5883l(site, chipSeed, site);
                var qmc = new Qmc5883lMagnetometer(new I2cRegisterBus(_qmc5883l));
                qmc.Start();
                _watcher = new CoprocessorFieldWatcher(qmc);
                (magnetometer, wake) = (qmc, _watcher);
                break;
            default:
                Chip = new EmulatedHmc5883l(site, seed: chipSeed, temperature: site);
                var hmc = new Hmc5883lMagnetometer(Chip);
                _driver = hmc;
                _watcher = new CoprocessorFieldWatcher(hmc);
                (magnetometer, wake) = (hmc, _watcher);
                break;
        }

        Hardware = new ParkingBoardHardware(magnetometer, wake, Memory)
        {
            Temperature = temperature,
            Distance = withDistanceSensor ? new Vl53l0xDistanceSensor(new EmulatedVl53l0x(site, random.Next())) : null,
        };
        Radio = radio;
        Settings = settings ?? (model == ParkingMagnetometerModel.Hmc5883l ? ParkingSensorSettings.ForAveragedHmc5883l() : new ParkingSensorSettings());
        Program = Boot("power-on");
    }

    /// <summary>Quick resets in a row that put a configured board in safe mode.</summary>
    public const int QuickResetLimit = 5;

    /// <summary>Uptime after which a configured board's boot counts as good.</summary>
    public const int StableAfterSeconds = 60;

    /// <summary>Failed connection attempts with a new pushed configuration before a configured board rolls back.</summary>
    public const int ReachTries = 4;

    /// <summary>The board's id and MQTT identity.</summary>
    public string BoardId { get; }

    /// <summary>The magnetometer fitted.</summary>
    public ParkingMagnetometerModel Model { get; }

    /// <summary>The emulated HMC5883L (fault injection), or null on boards with another magnetometer.</summary>
    public EmulatedHmc5883l? Chip { get; }

    /// <summary>Reads the low-power coprocessor took (0 on LIS2MDL boards, which wake on the chip's interrupt).</summary>
    public long CoprocessorSamples => _watcher?.Samples ?? 0;

    /// <summary>Measurements the LIS2MDL took on its own while the processor slept (its ODR), 0 on other boards.</summary>
    public long AutonomousChipSamples { get; private set; }

    /// <summary>Flash: survives resets.</summary>
    public InMemoryNonVolatileMemory Memory { get; } = new();

    /// <summary>Flash: the boot-loop guard's own record (its own NVS key on a device).</summary>
    public InMemoryNonVolatileMemory BootGuardMemory { get; } = new();

    /// <summary>Flash: the pushed configurations (current and previous).</summary>
    public InMemoryNonVolatileMemory ConfigurationMemory { get; } = new();

    /// <summary>The boot decision of the running program, or null when the board was made without a configuration file.</summary>
    public BootSupervisor? Supervisor { get; private set; }

    /// <summary>The board's parts as the firmware sees them.</summary>
    public ParkingBoardHardware Hardware { get; }

    /// <summary>The radio.</summary>
    public IUplinkTransport Radio { get; }

    /// <summary>The firmware program running now (a new one after each reset).</summary>
    public ParkingSensorProgram Program { get; private set; }

    /// <summary>The firmware settings in use.</summary>
    public ParkingSensorSettings Settings { get; }

    /// <summary>Processor wake-ups over all boots.</summary>
    public long TotalWakes { get; private set; }

    /// <summary>
    /// Lets the board act at the current virtual time: the timer wake if due, else the coprocessor's sample
    /// (if due) and the wake it may raise. Call at least every <see cref="ParkingSensorSettings.FastIntervalMs"/>.
    /// </summary>
    public void Step()
    {
        long now = _clock.NowUnixMs;

        // The LIS2MDL measures on its own (continuous mode); the simulator clocks it at the step rate.
        if (_lis2mdl is not null)
        {
            _lis2mdl.Sample();
            AutonomousChipSamples++;
        }

        if (now >= _nextTimerWakeMs)
        {
            WakeProgram(WakeCause.Timer, now);
        }
        else if (_watcher?.Poll(now) ?? Hardware.Wake.WakePending)
        {
            WakeProgram(WakeCause.FieldChanged, now);
        }
    }

    /// <summary>A reset (brown-out, watchdog): the program restarts from flash with the next boot number.</summary>
    public void Reset(string cause)
    {
        Program = Boot(cause);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        (Radio as IDisposable)?.Dispose();
        _driver?.Dispose();
        (Hardware.Distance as IDisposable)?.Dispose();
    }

    private ParkingSensorProgram Boot(string resetCause)
    {
        var uplink = new BoardUplink(Radio, _clock, new BoardTopics(BoardId), _bootCounter.IncrementBootCount(),
            ParkingSensorSettings.FirmwareVersion, resetCause, Settings.OfflineQueueCapacity);
        if (Radio is IDownlinkTransport downlink)
        {
            // Gateway commands (recalibrate) and pushed configurations arrive over the same MQTT session.
            uplink.AttachDownlink(downlink);
        }

        var program = new ParkingSensorProgram(Hardware, _clock, uplink, Settings);
        if (_configurationFile is not null)
        {
            // What a device's Main does before the program loop: guard, configuration, downlink, pushed configuration.
            Supervisor = new BootSupervisor(new BootLoopGuard(BootGuardMemory, QuickResetLimit, StableAfterSeconds));
            Supervisor.Boot(_configurationFile, _configurationFile.Length);

            var remote = new RemoteConfiguration(Supervisor.Configuration, ConfigurationMemory, Radio as IGatewayEndpoint, ReachTries);
            remote.Boot(uplink);
            program.AttachConfiguration(new BoardConfigurationRuntime(Supervisor, remote, _clock.NowUnixMs));
        }

        _nextTimerWakeMs = _clock.NowUnixMs;
        return program;
    }

    private void WakeProgram(WakeCause cause, long now)
    {
        TotalWakes++;
        _nextTimerWakeMs = now + Program.Wake(cause);
    }

    private sealed class BootCounter : IBootCounterStore
    {
        private int _count;

        public int IncrementBootCount() => ++_count;
    }
}
