using EdgeCity.Firmware.Parking;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Fleet;

/// <summary>
/// A street of simulated parking bay boards on one virtual clock, with vehicles arriving and leaving at
/// seeded random times. <see cref="Step"/> advances one firmware sample interval; <see cref="RunAsync"/>
/// paces steps against real time for demos.
/// </summary>
public sealed class ParkingFleet : IDisposable
{
    private readonly ParkingFleetOptions _options;
    private readonly Random _traffic;
    private readonly VehicleFactory _vehicles;
    private readonly long[] _nextTrafficUnixMs;
    private readonly BayState[] _reported;

    /// <summary>Builds and boots one HMC5883L board per id; every bay starts empty (the firmware calibrates on an empty bay).</summary>
    public ParkingFleet(IReadOnlyList<string> bayBoardIds, MqttBrokerEndpoint broker, ParkingFleetOptions options)
        : this(bayBoardIds.Select(id => new SimulatedBaySpec(id)).ToList(), broker, options)
    {
    }

    /// <summary>Builds and boots one board per spec (magnetometer and distance sensor as boards.json says); every bay starts empty.</summary>
    public ParkingFleet(IReadOnlyList<SimulatedBaySpec> bays, MqttBrokerEndpoint broker, ParkingFleetOptions options)
    {
        _options = options;
        _traffic = new Random(options.Seed);
        _vehicles = new VehicleFactory(new Random(options.Seed ^ 0x5EED));
        Clock = new VirtualClock(options.StartUtc);
        Worlds = bays.Select((_, i) => new ParkingBayWorld(installYawDegrees: new Random(SeedMix.Combine(SeedMix.Combine(options.Seed, i), 7)).NextDouble() * 360)).ToList();
        Boards = bays
            .Select((bay, i) => new SimulatedParkingBoard(bay.BoardId, Clock, Worlds[i], new MqttnetUplinkTransport(broker), SeedMix.Combine(options.Seed, i),
                options.Firmware, bay.DistanceSensor, bay.Magnetometer))
            .ToList();
        // Sensors are installed and calibrated on an empty bay (the first-version detector learns its
        // baseline at boot), so the first vehicle comes only after calibration.
        long calibratedUnixMs = Clock.NowUnixMs + ((long)(options.Firmware.Detector.CalibrationSamples + 2) * options.Firmware.FastIntervalMs);
        _nextTrafficUnixMs = Boards.Select(_ => calibratedUnixMs + DrawMs(options.MeanFreeMinutes)).ToArray();
        _reported = new BayState[Boards.Count];
    }

    /// <summary>The fleet's virtual clock.</summary>
    public VirtualClock Clock { get; }

    /// <summary>Step of virtual time, ms: the firmware's fast sampling interval.</summary>
    public int TickMs => _options.Firmware.FastIntervalMs;

    /// <summary>The bay above each board, in the order of the ids given.</summary>
    public IReadOnlyList<ParkingBayWorld> Worlds { get; }

    /// <summary>The boards, in the order of the ids given.</summary>
    public IReadOnlyList<SimulatedParkingBoard> Boards { get; }

    /// <summary>
    /// While true no vehicle arrives or leaves; the boards keep sampling. Lets a test check the boards'
    /// verdicts against a street that holds still.
    /// </summary>
    public bool TrafficFrozen { get; set; }

    /// <summary>Raised for each vehicle arrival/departure and each state change a board reports.</summary>
    public event Action<BayTrafficEvent>? TrafficEvent;

    /// <summary>Advances virtual time by one tick and lets every board act.</summary>
    public void Step()
    {
        Clock.Advance(TickMs);
        long now = Clock.NowUnixMs;
        for (int i = 0; i < Boards.Count; i++)
        {
            SimulatedParkingBoard board = Boards[i];
            if (!TrafficFrozen && now >= _nextTrafficUnixMs[i])
            {
                MoveVehicle(board, Worlds[i]);
                double meanMinutes = Worlds[i].IsOccupied ? _options.MeanParkedMinutes : _options.MeanFreeMinutes;
                _nextTrafficUnixMs[i] = now + DrawMs(meanMinutes);
            }

            board.Step();
            if (board.Program.State != _reported[i])
            {
                _reported[i] = board.Program.State;
                if (_reported[i] != BayState.Calibrating)
                {
                    Raise(board.BoardId, "reported-" + BayStateNames.Of(_reported[i]));
                }
            }
        }
    }

    /// <summary>
    /// Steps until <paramref name="cancellationToken"/> fires, running <paramref name="speed"/> times faster
    /// than real time (virtual seconds per real second).
    /// </summary>
    public async Task RunAsync(double speed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var realStart = DateTimeOffset.UtcNow;
        long virtualStart = Clock.NowUnixMs;
        while (!cancellationToken.IsCancellationRequested)
        {
            Step();
            double virtualElapsedMs = Clock.NowUnixMs - virtualStart;
            TimeSpan due = TimeSpan.FromMilliseconds(virtualElapsedMs / speed) - (DateTimeOffset.UtcNow - realStart);
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var board in Boards)
        {
            board.Dispose();
        }
    }

    private void MoveVehicle(SimulatedParkingBoard board, ParkingBayWorld world)
    {
        if (world.IsOccupied)
        {
            world.Leave();
            Raise(board.BoardId, "vehicle-left");
        }
        else
        {
            world.Park(_vehicles.NextParkedVehicle());
            Raise(board.BoardId, "vehicle-arrived");
        }
    }

    private long DrawMs(double meanMinutes) => (long)(-Math.Log(1 - _traffic.NextDouble()) * meanMinutes * 60_000);

    private void Raise(string boardId, string what) => TrafficEvent?.Invoke(new BayTrafficEvent(Clock.Now, boardId, what));
}
