using EdgeCity.Firmware.Hardware;
using EdgeCity.Firmware.Parking;
using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips;
using EdgeCity.HardwareSim.Chips.Hmc5883l;
using EdgeCity.HardwareSim.Chips.Vl53l0x;
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
    private readonly Hmc5883lMagnetometer _magnetometer;
    private readonly BootCounter _bootCounter = new();
    private long _nextTimerWakeMs;

    /// <summary>Assembles and boots board <paramref name="boardId"/>.</summary>
    /// <param name="boardId">The board's id from boards.json, also its MQTT client id.</param>
    /// <param name="clock">The virtual clock.</param>
    /// <param name="site">What the sensor senses (field, temperature).</param>
    /// <param name="radio">The uplink (a real MQTT client, or an air log for benchmarks).</param>
    /// <param name="seed">Seeds the chip noise and sensor errors.</param>
    /// <param name="settings">Firmware settings; production defaults when null.</param>
    /// <param name="withDistanceSensor">Fit a VL53L0X looking up (emulated, read by the real .NET IoT driver).</param>
    public SimulatedParkingBoard(string boardId, VirtualClock clock, ISensorSite site, IUplinkTransport radio, int seed, ParkingSensorSettings? settings = null, bool withDistanceSensor = false)
    {
        BoardId = boardId;
        _clock = clock;
        var random = new Random(seed);
        Chip = new EmulatedHmc5883l(site, seed: random.Next(), temperature: site);
        _magnetometer = new Hmc5883lMagnetometer(Chip);
        Watcher = new CoprocessorFieldWatcher(_magnetometer);
        Hardware = new ParkingBoardHardware(_magnetometer, Watcher, Memory)
        {
            Temperature = new WorldTemperatureSensor(site, random),
            Distance = withDistanceSensor ? new Vl53l0xDistanceSensor(new EmulatedVl53l0x(site, random.Next())) : null,
        };
        Radio = radio;
        Settings = settings ?? new ParkingSensorSettings();
        Program = Boot("power-on");
    }

    /// <summary>The board's id and MQTT identity.</summary>
    public string BoardId { get; }

    /// <summary>The emulated magnetometer chip (fault injection).</summary>
    public EmulatedHmc5883l Chip { get; }

    /// <summary>The coprocessor that watches the magnetometer while the processor sleeps.</summary>
    public CoprocessorFieldWatcher Watcher { get; }

    /// <summary>Flash: survives resets.</summary>
    public InMemoryNonVolatileMemory Memory { get; } = new();

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
        if (now >= _nextTimerWakeMs)
        {
            WakeProgram(WakeCause.Timer, now);
        }
        else if (Watcher.Poll(now))
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
        _magnetometer.Dispose();
    }

    private ParkingSensorProgram Boot(string resetCause)
    {
        var uplink = new BoardUplink(Radio, _clock, new BoardTopics(BoardId), _bootCounter.IncrementBootCount(),
            ParkingSensorSettings.FirmwareVersion, resetCause, Settings.OfflineQueueCapacity);
        var program = new ParkingSensorProgram(Hardware, _clock, uplink, Settings);
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
