using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Hardware;
using EdgeCity.Firmware.Shelter;
using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips.Adxl343;
using EdgeCity.HardwareSim.Chips.Bh1750;
using EdgeCity.HardwareSim.Chips.Ssd1322;
using EdgeCity.HardwareSim.Gpio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World.Shelter;

namespace EdgeCity.HardwareSim.Boards;

/// <summary>
/// One BIT shelter board in the simulator: the firmware's <see cref="ShelterProgram"/>; the firmware's own
/// ADXL343 driver on an emulated ADXL343 whose INT1 drives a simulated GPIO; the real .NET IoT BH1750 driver on
/// an emulated BH1750; a PIR on a GPIO; an emulated SSD1322 on SPI with its panel-current sense; and a radio.
/// <see cref="RunUntil"/> plays the board's sleep/wake cycle against the shelter's world on the virtual clock.
/// </summary>
public sealed class SimulatedShelterBoard : IDisposable
{
    /// <summary>ESP32 light-sleep wake-up on a GPIO, ms (datasheet: under 1 ms; with the flash and clocks, ~2 ms).</summary>
    public const int WakeLatencyMs = 2;

    private readonly Bh1750LightSensor _light;

    /// <summary>Assembles and boots board <paramref name="boardId"/>.</summary>
    /// <param name="boardId">The board's id from boards.json, also its MQTT client id.</param>
    /// <param name="clock">The board's virtual clock.</param>
    /// <param name="world">The shelter's world.</param>
    /// <param name="radio">The uplink transport (a real MQTT client, or a test double).</param>
    /// <param name="seed">Seeds chip noise.</param>
    /// <param name="settings">Firmware settings; production defaults when null.</param>
    /// <param name="bootCount">This boot's number.</param>
    /// <param name="configurationFile">
    /// The flashed configuration file; with one the board boots as a device does (boot-loop guard in
    /// <paramref name="bootGuardMemory"/>, safe mode, pushed configurations), without one it runs on <paramref name="settings"/>.
    /// </param>
    /// <param name="bootGuardMemory">The boot-loop guard's record; pass the same one to successive boards to simulate resets.</param>
    public SimulatedShelterBoard(string boardId, VirtualClock clock, ShelterWorld world, IUplinkTransport radio, int seed,
        ShelterSettings? settings = null, int bootCount = 1, byte[]? configurationFile = null, InMemoryNonVolatileMemory? bootGuardMemory = null)
    {
        BoardId = boardId;
        Clock = clock;
        World = world;
        Radio = radio;
        Settings = settings ?? new ShelterSettings();
        AccelerometerInterrupt = new SimulatedPin(14);
        Pir = new SimulatedPin(27);
        Accelerometer = new EmulatedAdxl343(world, clock, AccelerometerInterrupt, seed);
        AccelerometerBus = new I2cRegisterBus(Accelerometer);
        LightChip = new EmulatedBh1750(world);
        _light = new Bh1750LightSensor(LightChip);
        Display = new EmulatedSsd1322();
        DisplayBus = new Ssd1322SpiBus(Display);
        PanelCurrent = new PanelCurrentAdc(Display, seed ^ 0x5EED);
        var uplink = new BoardUplink(radio, clock, new BoardTopics(boardId), bootCount, ShelterSettings.FirmwareVersion,
            "power-on", Settings.OfflineQueueCapacity, Settings.MessageSlotBytes);
        Program = new ShelterProgram(AccelerometerBus, AccelerometerInterrupt, Pir, _light, DisplayBus, PanelCurrent, clock, uplink, Settings);
        if (configurationFile is not null)
        {
            var supervisor = new BootSupervisor(new BootLoopGuard(bootGuardMemory ?? new InMemoryNonVolatileMemory(), SimulatedParkingBoard.QuickResetLimit, SimulatedParkingBoard.StableAfterSeconds));
            supervisor.Boot(configurationFile, configurationFile.Length);
            if (radio is IDownlinkTransport downlink)
            {
                uplink.AttachDownlink(downlink);
            }

            var remote = new RemoteConfiguration(supervisor.Configuration, ConfigurationMemory, radio as IGatewayEndpoint, SimulatedParkingBoard.ReachTries);
            remote.Boot(uplink);
            Program.AttachConfiguration(new BoardConfigurationRuntime(supervisor, remote, clock.NowUnixMs));
        }

        Program.Start();
    }

    /// <summary>Flash: the pushed configurations (current and previous).</summary>
    public InMemoryNonVolatileMemory ConfigurationMemory { get; } = new();

    /// <summary>The board's id and MQTT identity.</summary>
    public string BoardId { get; }

    /// <summary>The board's clock.</summary>
    public VirtualClock Clock { get; }

    /// <summary>The shelter around the board.</summary>
    public ShelterWorld World { get; }

    /// <summary>The radio.</summary>
    public IUplinkTransport Radio { get; }

    /// <summary>The firmware settings in use.</summary>
    public ShelterSettings Settings { get; }

    /// <summary>The firmware program.</summary>
    public ShelterProgram Program { get; }

    /// <summary>The emulated accelerometer (fault injection, counters).</summary>
    public EmulatedAdxl343 Accelerometer { get; }

    /// <summary>The accelerometer's I2C bus adapter.</summary>
    public I2cRegisterBus AccelerometerBus { get; }

    /// <summary>GPIO 14: the accelerometer's INT1.</summary>
    public SimulatedPin AccelerometerInterrupt { get; }

    /// <summary>GPIO 27: the PIR.</summary>
    public SimulatedPin Pir { get; }

    /// <summary>The emulated light sensor.</summary>
    public EmulatedBh1750 LightChip { get; }

    /// <summary>The emulated display controller and panel (PNG, faults).</summary>
    public EmulatedSsd1322 Display { get; }

    /// <summary>The SPI bus to the display.</summary>
    public Ssd1322SpiBus DisplayBus { get; }

    /// <summary>The panel-current sense.</summary>
    public PanelCurrentAdc PanelCurrent { get; }

    /// <summary>Wakes caused by INT1.</summary>
    public long InterruptWakes { get; private set; }

    /// <summary>Wakes in total.</summary>
    public long Wakes { get; private set; }

    /// <summary>
    /// Runs the board until <paramref name="untilUnixMs"/>: sleeps to the program's next wake, unless the
    /// accelerometer's INT1 or (while the panel is off) the PIR wakes it first, advancing the virtual clock.
    /// </summary>
    public void RunUntil(long untilUnixMs)
    {
        while (Clock.NowUnixMs < untilUnixMs)
        {
            long now = Clock.NowUnixMs;
            long next = Math.Min(Program.NextWakeUnixMs, untilUnixMs);
            if (Program.WakesOnPresence)
            {
                double change = World.NextPresenceChange(now);
                if (change < next)
                {
                    next = Math.Max(now + 1, (long)Math.Ceiling(change));
                }
            }

            double? interrupt = Accelerometer.AdvanceUntilInterrupt(next);
            long wakeAt = interrupt is { } t ? Math.Max(now + 1, (long)Math.Ceiling(t) + WakeLatencyMs) : Math.Max(next, now + 1);
            if (interrupt is not null)
            {
                InterruptWakes++;
            }

            Clock.Advance(wakeAt - now);
            Pir.Drive(World.PresenceAt(wakeAt));
            Wakes++;
            Program.Wake();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _light.Dispose();
        (Radio as IDisposable)?.Dispose();
    }
}
