using EdgeCity.Firmware.Parking;

namespace EdgeCity.Firmware.Tests;

public class BayOccupancyDetectorTests
{
    private static readonly BayDetectorSettings Settings = new();

    [Fact]
    public void After_calibration_on_an_empty_bay_the_state_is_free()
    {
        var detector = Calibrated(out bool changedOnLastSample);
        Assert.Equal(BayState.Free, detector.State);
        Assert.True(changedOnLastSample);
    }

    [Fact]
    public void A_field_shift_beyond_the_threshold_for_the_confirmation_count_turns_the_bay_occupied()
    {
        var detector = Calibrated(out _);
        Assert.False(detector.Update(20_000 + 2_000, -5_000, -40_000));
        Assert.Equal(BayState.Free, detector.State);
        Assert.True(detector.Update(20_000 + 2_000, -5_000, -40_000));
        Assert.Equal(BayState.Occupied, detector.State);
        Assert.Equal(2_000, detector.LastDeviationNanotesla);
    }

    [Fact]
    public void A_single_spike_does_not_change_the_state()
    {
        var detector = Calibrated(out _);
        detector.Update(30_000, -5_000, -40_000);
        Assert.False(detector.Update(20_000, -5_000, -40_000));
        Assert.False(detector.Update(30_000, -5_000, -40_000));
        Assert.Equal(BayState.Free, detector.State);
    }

    [Fact]
    public void Between_the_two_thresholds_an_occupied_bay_stays_occupied()
    {
        var detector = Calibrated(out _);
        Feed(detector, 20_000 + 3_000, 2);
        Assert.Equal(BayState.Occupied, detector.State);

        // 1,000 nT: below the occupied threshold (1,500) but above the free one (700): hysteresis holds.
        Feed(detector, 20_000 + 1_000, 10);
        Assert.Equal(BayState.Occupied, detector.State);

        Feed(detector, 20_000 + 300, 2);
        Assert.Equal(BayState.Free, detector.State);
    }

    [Fact]
    public void A_slow_drift_while_free_is_followed_by_the_baseline_and_not_reported()
    {
        var detector = Calibrated(out _);

        // 3,000 nT of drift over 3,000 samples: far beyond the threshold in total, 1 nT per sample.
        for (int i = 1; i <= 3_000; i++)
        {
            Assert.False(detector.Update(20_000 + i, -5_000, -40_000));
        }

        Assert.Equal(BayState.Free, detector.State);
        Assert.True(detector.LastDeviationNanotesla < Settings.OccupiedThresholdNanotesla);
    }

    [Fact]
    public void The_baseline_does_not_learn_while_a_car_is_present()
    {
        var detector = Calibrated(out _);
        Feed(detector, 20_000 + 2_000, 2);
        Assert.Equal(BayState.Occupied, detector.State);

        // A car parked for 10,000 samples must not become the new "empty" field.
        Feed(detector, 20_000 + 2_000, 10_000);
        Assert.Equal(BayState.Occupied, detector.State);
        Assert.Equal(2_000, detector.LastDeviationNanotesla);
    }

    [Fact]
    public void Recalibrating_learns_a_new_empty_field()
    {
        var detector = Calibrated(out _);
        detector.Recalibrate();
        Assert.Equal(BayState.Calibrating, detector.State);
        Feed(detector, 25_000, Settings.CalibrationSamples);
        Assert.Equal(BayState.Free, detector.State);
        Feed(detector, 25_000, 5);
        Assert.Equal(0, detector.LastDeviationNanotesla);
    }

    private static BayOccupancyDetector Calibrated(out bool changedOnLastSample)
    {
        var detector = new BayOccupancyDetector(Settings);
        changedOnLastSample = false;
        for (int i = 0; i < Settings.CalibrationSamples; i++)
        {
            Assert.Equal(BayState.Calibrating, detector.State);
            changedOnLastSample = detector.Update(20_000, -5_000, -40_000);
        }

        return detector;
    }

    private static void Feed(BayOccupancyDetector detector, int x, int samples)
    {
        for (int i = 0; i < samples; i++)
        {
            detector.Update(x, -5_000, -40_000);
        }
    }
}
