using EdgeCity.Firmware.Parking;

namespace EdgeCity.Firmware.Tests;

/// <summary>The street-interference helpers of the parking detector: swings that come back, and a learnt tram axis.</summary>
public class SwingAndInterferenceAxisTests
{
    [Fact]
    public void A_field_that_keeps_coming_back_swings_and_one_that_moves_once_does_not()
    {
        var tram = new SwingTracker();
        // A tram: 2,500 nT away and back every 3 s, sampled every second.
        int[] distances = [0, 2_500, 300, 2_400, 200, 2_600, 100];
        foreach (int d in distances)
        {
            tram.Update(d, 1_000);
        }

        Assert.True(tram.Swinging(SwingTracker.ReturnsForSwing));

        var arrival = new SwingTracker();
        foreach (int d in new[] { 0, 300, 4_000, 9_000, 9_100, 9_050, 9_000 })
        {
            arrival.Update(d, 1_000);
        }

        Assert.False(arrival.Swinging(1));
    }

    [Fact]
    public void Returns_older_than_the_window_no_longer_count()
    {
        var swing = new SwingTracker();
        swing.Update(2_000, 1_000);
        swing.Update(100, 1_000);
        Assert.True(swing.Swinging(1));
        swing.Update(100, SwingTracker.WindowMs + 1);
        Assert.False(swing.Swinging(1));
    }

    [Fact]
    public void Disturbances_along_one_direction_teach_an_axis_that_changes_along_it_match_and_others_do_not()
    {
        var axis = new InterferenceAxis();
        var random = new Random(7);
        for (int i = 0; i < 400; i++)
        {
            // A tram swinging along (2, −1, 2)/3 with the chip's noise on each axis.
            double amplitude = (random.NextDouble() - 0.5) * 12_000;
            axis.Learn(
                (long)((amplitude * 2 / 3) + (Gauss(random) * 200)),
                (long)((-amplitude / 3) + (Gauss(random) * 200)),
                (long)((amplitude * 2 / 3) + (Gauss(random) * 200)));
        }

        Assert.True(axis.IsAlong(-2_000, 1_000, -2_000));
        Assert.False(axis.IsAlong(1_000, 2_000, 0));
        Assert.True(axis.TryAcross(2_000 + 1_000, -1_000 + 2_000, 2_000, out long across));
        Assert.InRange(across, 2_000, 2_400); // (1000, 2000, 0) is across the axis: ~2,236 nT
    }

    [Fact]
    public void Disturbances_in_every_direction_teach_no_axis()
    {
        var axis = new InterferenceAxis();
        var random = new Random(11);
        for (int i = 0; i < 400; i++)
        {
            axis.Learn((long)(Gauss(random) * 2_000), (long)(Gauss(random) * 2_000), (long)(Gauss(random) * 2_000));
        }

        Assert.False(axis.IsAlong(2_000, 0, 0));
        Assert.False(axis.IsAlong(0, 2_000, 0));
        Assert.False(axis.IsAlong(0, 0, 2_000));
        Assert.False(axis.TryAcross(1_000, 0, 0, out _));
    }

    private static double Gauss(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
