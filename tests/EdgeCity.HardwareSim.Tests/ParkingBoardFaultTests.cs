using EdgeCity.Firmware.Parking;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Tests;

/// <summary>The firmware on the emulated HMC5883L (through the real driver) when the hardware misbehaves.</summary>
public class ParkingBoardFaultTests
{
    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
    private readonly ParkingBayWorld _bay = new(installYawDegrees: 30);
    private readonly AirLogTransport _radio;
    private readonly SimulatedParkingBoard _board;

    public ParkingBoardFaultTests()
    {
        _radio = new AirLogTransport(() => _clock.NowUnixMs);
        _board = new SimulatedParkingBoard("pk-fault-001", _clock, _bay, _radio, seed: 4, new ParkingSensorSettings { HeartbeatIntervalMs = 600_000 });
        Run(seconds: 30);
    }

    [Fact]
    public void A_magnetometer_that_stops_acknowledging_is_reported_as_a_fault_not_as_a_car()
    {
        _board.Chip!.NotAcknowledging = true;
        Run(seconds: 1_200);

        Assert.True(_board.Program.SensorFaults > 0);
        Assert.Equal(BayState.Free, _board.Program.State);
        Assert.Equal(["free"], States());
        Assert.Contains(_radio.Log, m => m.Topic.EndsWith("/heartbeat", StringComparison.Ordinal) && !m.Payload.Contains("\"sensorFaults\":0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stuck_magnetometer_output_is_reported_as_a_fault_and_a_car_parking_meanwhile_is_not_invented()
    {
        _board.Chip!.OutputStuck = true;
        Run(seconds: 60);
        _bay.Park(new VehicleFactory(new Random(1)).NextParkedVehicle());

        // A calm bay is sampled once per 10-minute maintenance wake: six identical samples take an hour.
        Run(seconds: 2 * 3_600);

        Assert.True(_board.Program.SensorStuck);
        Assert.True(_board.Program.SensorFaults > 0);
        Assert.Equal(["free"], States());
        Assert.Contains(_radio.Log, m => m.Payload.Contains("\"sensorStuck\":true", StringComparison.Ordinal));
    }

    [Fact]
    public void A_brown_out_while_a_car_is_parked_resumes_from_flash_without_a_false_state_change()
    {
        _bay.Park(new VehicleFactory(new Random(2)).NextParkedVehicle());
        Run(seconds: 30);
        Assert.Equal(["free", "occupied"], States());

        _board.Reset("brown-out");
        Run(seconds: 600);
        Assert.True(_board.Program.ResumedFromMemory);
        Assert.Equal(["free", "occupied"], States());

        _bay.Leave();
        Run(seconds: 30);
        Assert.Equal(["free", "occupied", "free"], States());
        Assert.Contains(_radio.Log, m => m.Payload.Contains("\"resetCause\":\"brown-out\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_day_without_the_broker_loses_no_state_change()
    {
        var vehicles = new VehicleFactory(new Random(3));
        _radio.LinkUp = false;
        for (int car = 0; car < 10; car++)
        {
            _bay.Park(vehicles.NextParkedVehicle());
            Run(seconds: 3_600);
            _bay.Leave();
            Run(seconds: 3_600);
        }

        Assert.Equal(["free"], States());
        _radio.LinkUp = true;
        Run(seconds: 600);
        Assert.Equal(21, States().Count);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => i % 2 == 0 ? "free" : "occupied"), States());
    }

    private void Run(int seconds)
    {
        for (int i = 0; i < seconds * 2; i++)
        {
            _clock.Advance(500);
            _board.Step();
        }
    }

    private List<string> States() => _radio.Log
        .Where(m => m.Topic.EndsWith("/state", StringComparison.Ordinal))
        .Select(m => System.Text.Json.JsonDocument.Parse(m.Payload).RootElement.GetProperty("state").GetString()!)
        .ToList();
}
