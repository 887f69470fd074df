using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Tests;

public class ParkingWorldTests
{
    [Fact]
    public void An_empty_bay_measures_Earths_field_of_about_48_microtesla_whatever_the_sensor_yaw()
    {
        foreach (double yaw in new[] { 0.0, 37, 90, 200 })
        {
            var (x, y, z) = new ParkingBayWorld(yaw).FieldAtSensor();
            Assert.InRange(Math.Sqrt((x * x) + (y * y) + (z * z)), 47_500, 48_000);
        }
    }

    [Fact]
    public void A_dipole_straight_above_the_sensor_gives_the_textbook_on_axis_field()
    {
        // On the axis of a vertical dipole: B = μ0/4π · 2m / r³ = 1e-7 · 2 · 10 / 0.4³ T = 31.25 µT.
        var dipole = new MagneticDipole(0, 0, 10, 0, 0, 0.4);
        var (x, y, z) = dipole.FieldAtOriginNanotesla();
        Assert.Equal(0, x, 6);
        Assert.Equal(0, y, 6);
        Assert.Equal(31_250, z, 3);
    }

    [Fact]
    public void Every_generated_vehicle_changes_the_field_at_the_sensor_by_more_than_the_detection_threshold()
    {
        var factory = new VehicleFactory(new Random(3));
        for (int i = 0; i < 1000; i++)
        {
            var (x, y, z) = factory.NextParkedVehicle().FieldAtOriginNanotesla();
            Assert.True(Math.Abs(x) + Math.Abs(y) + Math.Abs(z) > 2_000, $"vehicle {i} is magnetically invisible");
        }
    }
}
