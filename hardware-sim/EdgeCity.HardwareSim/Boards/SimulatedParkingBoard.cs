using EdgeCity.Firmware.Parking;
using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips.Hmc5883l;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Boards;

/// <summary>
/// One parking bay sensor board in the simulator: the firmware's <see cref="ParkingSensorProgram"/>, the
/// real .NET IoT HMC5883L driver on an emulated chip, the bay's magnetic world, and an MQTT radio.
/// </summary>
public sealed class SimulatedParkingBoard : IDisposable
{
    private readonly Hmc5883lMagnetometer _magnetometer;

    /// <summary>Assembles and boots board <paramref name="boardId"/>.</summary>
    /// <param name="boardId">The board's id from boards.json, also its MQTT client id.</param>
    /// <param name="clock">The fleet's virtual clock.</param>
    /// <param name="broker">The gateway's MQTT endpoint.</param>
    /// <param name="seed">Seeds the chip noise and the sensor's installation yaw.</param>
    /// <param name="settings">Firmware settings; production defaults when null.</param>
    public SimulatedParkingBoard(string boardId, VirtualClock clock, MqttBrokerEndpoint broker, int seed, ParkingSensorSettings? settings = null)
    {
        BoardId = boardId;
        var random = new Random(seed);
        World = new ParkingBayWorld(installYawDegrees: random.NextDouble() * 360);
        Chip = new EmulatedHmc5883l(World, seed: random.Next());
        _magnetometer = new Hmc5883lMagnetometer(Chip);
        Radio = new MqttnetUplinkTransport(broker);
        Settings = settings ?? new ParkingSensorSettings();
        var bootCounter = new InMemoryBootCounterStore();
        var uplink = new BoardUplink(Radio, clock, new BoardTopics(boardId), bootCounter.IncrementBootCount(),
            ParkingSensorSettings.FirmwareVersion, "power-on", Settings.OfflineQueueCapacity);
        Program = new ParkingSensorProgram(_magnetometer, clock, uplink, Settings);
    }

    /// <summary>The board's id and MQTT identity.</summary>
    public string BoardId { get; }

    /// <summary>The bay above the sensor: park and remove vehicles here.</summary>
    public ParkingBayWorld World { get; }

    /// <summary>The emulated magnetometer chip (fault injection).</summary>
    public EmulatedHmc5883l Chip { get; }

    /// <summary>The radio (fault injection: <see cref="MqttnetUplinkTransport.LinkUp"/>).</summary>
    public MqttnetUplinkTransport Radio { get; }

    /// <summary>The firmware program running on the board.</summary>
    public ParkingSensorProgram Program { get; }

    /// <summary>The firmware settings in use.</summary>
    public ParkingSensorSettings Settings { get; }

    /// <summary>One wake-up of the firmware at the current virtual time.</summary>
    public void Wake() => Program.Wake();

    /// <inheritdoc />
    public void Dispose()
    {
        Radio.Dispose();
        _magnetometer.Dispose();
    }
}
