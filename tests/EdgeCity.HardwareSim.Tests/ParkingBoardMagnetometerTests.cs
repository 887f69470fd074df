using EdgeCity.Firmware.Parking;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Tests;

/// <summary>The parking firmware on each magnetometer boards.json allows, through its driver and emulated chip.</summary>
public class ParkingBoardMagnetometerTests
{
    [Theory]
    [InlineData(ParkingMagnetometerModel.Hmc5883l)]
    [InlineData(ParkingMagnetometerModel.Qmc5883l)]
    [InlineData(ParkingMagnetometerModel.Lis2mdl)]
    public void A_car_arriving_and_leaving_is_reported_once_each_within_three_seconds(ParkingMagnetometerModel model)
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        var bay = new ParkingBayWorld(installYawDegrees: 75);
        var radio = new AirLogTransport(() => clock.NowUnixMs);
        using var board = new SimulatedParkingBoard("pk-model-001", clock, bay, radio, seed: 9, model: model);
        var vehicles = new VehicleFactory(new Random(9));

        Run(board, clock, seconds: 120);
        for (int car = 0; car < 5; car++)
        {
            bay.Park(vehicles.NextParkedVehicle());
            long parkedAt = clock.NowUnixMs;
            Run(board, clock, seconds: 600);
            var occupied = radio.Log.Last(m => m.Topic.EndsWith("/state", StringComparison.Ordinal));
            Assert.Contains("\"occupied\"", occupied.Payload, StringComparison.Ordinal);
            Assert.InRange((occupied.SentUnixMs - parkedAt) / 1000.0, 0, 3);

            bay.Leave();
            Run(board, clock, seconds: 600);
        }

        var states = radio.Log.Where(m => m.Topic.EndsWith("/state", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, states.Count);
        Assert.Equal(0, board.Program.SensorFaults);
        Assert.Equal(BayState.Free, board.Program.State);
    }

    private static void Run(SimulatedParkingBoard board, VirtualClock clock, int seconds)
    {
        for (int i = 0; i < seconds * 2; i++)
        {
            clock.Advance(500);
            board.Step();
        }
    }
}
