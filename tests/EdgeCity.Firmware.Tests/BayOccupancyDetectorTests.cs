using EdgeCity.Firmware.Parking;

namespace EdgeCity.Firmware.Tests;

public class BayOccupancyDetectorTests
{
    private const int X0 = 20_000, Y0 = -5_000, Z0 = -40_000, T0 = 15_000, NoDistance = -1;
    private static readonly BayDetectorSettings Settings = new();

    [Fact]
    public void After_calibration_on_an_empty_bay_the_state_is_free()
    {
        var detector = new BayOccupancyDetector(Settings);
        bool changed = false;
        for (int i = 0; i < Settings.CalibrationSamples; i++)
        {
            Assert.Equal(BayState.Calibrating, detector.State);
            changed = detector.Update(X0, Y0, Z0, T0, NoDistance);
        }

        Assert.True(changed);
        Assert.Equal(BayState.Free, detector.State);
    }

    [Fact]
    public void A_strong_steady_shift_turns_the_bay_occupied_after_the_confirmation_count()
    {
        var detector = Calibrated();
        for (int i = 1; i < Settings.ConfirmSamples; i++)
        {
            Assert.False(detector.Update(X0 + 6_000, Y0, Z0, T0, NoDistance));
            Assert.True(detector.Confirming);
        }

        Assert.True(detector.Update(X0 + 6_000, Y0, Z0, T0, NoDistance));
        Assert.Equal(BayState.Occupied, detector.State);
        Assert.Equal(6_000, detector.LastDeviationNanotesla);
    }

    [Fact]
    public void A_marginal_shift_must_hold_still_longer_than_a_strong_one()
    {
        var detector = Calibrated();
        int samples = Feed(detector, X0 + 2_500, until: BayState.Occupied, max: 50);
        Assert.Equal(Settings.MarginalConfirmSamples, samples);
    }

    [Fact]
    public void One_blip_of_passing_traffic_is_held_back_instead_of_restarting_the_confirmation()
    {
        var detector = Calibrated();
        for (int i = 0; i < 6; i++)
        {
            Assert.False(detector.Update(X0 + 2_500, Y0, Z0, T0, NoDistance));
        }

        // A car passing in the lane for one sample: not counted, and the stretch goes on.
        Assert.False(detector.Update(X0 + 6_000, Y0, Z0, T0, NoDistance));
        int samples = 7 + Feed(detector, X0 + 2_500, until: BayState.Occupied, max: 50);
        Assert.Equal(Settings.MarginalConfirmSamples + 1, samples);
    }

    [Fact]
    public void A_distance_sensor_seeing_an_underbody_confirms_a_weak_signature_quickly()
    {
        var detector = Calibrated();
        int samples = 0;
        while (detector.State != BayState.Occupied && samples < 50)
        {
            detector.Update(X0 + 1_100, Y0, Z0, T0, distanceMm: 320);
            samples++;
        }

        Assert.Equal(Settings.ConfirmSamples, samples);
    }

    [Fact]
    public void An_oscillating_field_like_a_passing_tram_is_never_steady_enough()
    {
        var detector = Calibrated();
        for (int i = 0; i < 400; i++)
        {
            int wobble = (int)(2_500 * Math.Sin(i * 2 * Math.PI / 8));
            detector.Update(X0 + wobble, Y0 - (wobble / 2), Z0, T0, NoDistance);
        }

        Assert.Equal(BayState.Free, detector.State);
    }

    [Fact]
    public void Two_trams_peaking_together_are_no_strong_arrival_though_the_mean_of_their_peak_is_strong()
    {
        // Four samples whose mean is beyond the strong threshold (3,550 nT) but whose first is not: the peak of two
        // swings adding up, which the bench saw make a "car" in every bay of a tram row at once.
        var detector = Calibrated();
        foreach (int shift in new[] { 2_900, 3_700, 4_100, 3_500, 2_500, 1_200, 0, -1_200, -2_500, 0, 0, 0 })
        {
            Assert.False(detector.Update(X0 + shift, Y0, Z0, T0, NoDistance));
        }

        Assert.Equal(BayState.Free, detector.State);
    }

    [Fact]
    public void Between_the_two_thresholds_an_occupied_bay_stays_occupied()
    {
        var detector = Calibrated();
        Feed(detector, X0 + 2_500, until: BayState.Occupied, max: 20);

        // 1,200 nT from the baseline: below the occupied threshold, above the free one, and near the car's own
        // signature (1,300 nT from it): hysteresis keeps the bay occupied.
        for (int i = 0; i < 20; i++)
        {
            detector.Update(X0 + 1_200, Y0, Z0, T0, NoDistance);
        }

        Assert.Equal(BayState.Occupied, detector.State);
        Assert.Equal(Settings.ConfirmSamples, Feed(detector, X0 + 200, until: BayState.Free, max: 10));
    }

    [Fact]
    public void A_slow_drift_while_free_is_followed_by_the_baseline_and_not_reported()
    {
        var detector = Calibrated();
        for (int i = 1; i <= 3_000; i++)
        {
            Assert.False(detector.Update(X0 + i, Y0, Z0, T0, NoDistance));
        }

        Assert.Equal(BayState.Free, detector.State);
        Assert.True(detector.LastDeviationNanotesla < Settings.FreeThresholdNanotesla);
    }

    [Fact]
    public void A_weak_vehicle_standing_unnoticed_is_not_absorbed_into_the_baseline_so_its_departure_is_no_arrival()
    {
        // A motorbike off-centre: 1,000 nT, under the occupied threshold, for two hours of maintenance samples.
        var detector = Calibrated();
        for (int i = 0; i < (Settings.BaselineCatchUpMs / 600_000); i++)
        {
            Assert.False(detector.Update(X0 + 1_000, Y0, Z0, T0, NoDistance));
        }

        Assert.Equal(1_000, detector.LastDeviationNanotesla);
        Assert.Equal(X0, detector.Expected(0, T0));

        // It leaves: the empty field is the baseline still, nothing to report, for as long as the bay stays empty.
        for (int i = 0; i < 100; i++)
        {
            Assert.False(detector.Update(X0, Y0, Z0, T0, NoDistance));
        }

        Assert.Equal(BayState.Free, detector.State);
    }

    [Fact]
    public void A_weak_offset_that_persists_for_hours_is_followed_after_all_so_missed_drift_cannot_grow_into_an_arrival()
    {
        var detector = Calibrated();
        for (int i = 0; i < (Settings.BaselineCatchUpMs / 600_000) + 20; i++)
        {
            Assert.False(detector.Update(X0 + 1_000, Y0, Z0, T0, NoDistance));
        }

        Assert.True(detector.LastDeviationNanotesla < Settings.FreeThresholdNanotesla, $"deviation {detector.LastDeviationNanotesla} nT");
    }

    [Fact]
    public void A_car_leaving_while_a_tram_swings_the_field_is_reported_free_in_time_and_the_baseline_keeps_no_tram()
    {
        var detector = Calibrated();
        Feed(detector, X0 + 20_000, until: BayState.Occupied, max: 20);

        // Gone, but a tram swings the field by ±2,500 nT with a 4 s period: never steady for the usual stretch.
        int samples = 0;
        while (detector.State == BayState.Occupied && samples < 60)
        {
            int wobble = (int)(2_500 * Math.Sin(samples * 2 * Math.PI / 8));
            detector.Update(X0 + wobble, Y0 - (wobble / 2), Z0, T0, NoDistance);
            samples++;
        }

        Assert.Equal(BayState.Free, detector.State);
        Assert.True(samples <= Settings.SwingingDepartureSamples + 2, $"free after {samples} samples (0.5 s each)");
        Assert.InRange(detector.Expected(0, T0), X0 - 500, X0 + 500);
    }

    [Fact]
    public void A_learnt_temperature_slope_lets_a_departure_after_a_big_temperature_change_be_recognised()
    {
        // The empty-bay reading moves −150 nT/°C on x (HMC5883L sensitivity tempco on a 50 µT field).
        static int EmptyX(int milliCelsius) => X0 - (int)(0.15 * (milliCelsius - T0));
        var detector = Calibrated();
        for (int day = 0; day < 3; day++)
        {
            for (int hour = 0; hour < 24; hour++)
            {
                int t = T0 + (int)(6_000 * Math.Sin(hour * 2 * Math.PI / 24));
                for (int i = 0; i < 6; i++)
                {
                    detector.Update(EmptyX(t), Y0, Z0, t, NoDistance);
                }
            }
        }

        Assert.InRange(detector.Temperature.SlopeNanoteslaPerDegree(0), -170, -130);

        // Parked at 15 °C, leaves at 27 °C: the empty field is now 1.8 µT lower than when the car came.
        Feed(detector, X0 + 6_000, until: BayState.Occupied, max: 10);
        const int Hot = 27_000;
        for (int i = 0; i < 50; i++)
        {
            detector.Update(X0 + 6_000 - 1_800, Y0, Z0, Hot, NoDistance);
        }

        Assert.Equal(BayState.Occupied, detector.State);
        Assert.Equal(Settings.ConfirmSamples, Feed(detector, EmptyX(Hot), until: BayState.Free, max: 10, milliCelsius: Hot));
    }

    [Fact]
    public void A_detector_out_of_step_recognises_the_empty_field_recurring_as_a_vehicle_and_resynchronises()
    {
        var detector = Calibrated();

        // A car stands at calibration time: the baseline holds it. Every time the bay is really empty the
        // detector sees the same "vehicle" (the empty field); three identical ones in a row give it away.
        detector.Recalibrate();
        const int CarX = X0 + 6_000;
        for (int i = 0; i < Settings.CalibrationSamples; i++)
        {
            detector.Update(CarX, Y0, Z0, T0, NoDistance);
        }

        int reportedOccupied = 0;
        for (int visit = 0; visit < 4; visit++)
        {
            reportedOccupied += Feed(detector, X0, until: BayState.Occupied, max: 20) < 20 ? 1 : 0;
            Feed(detector, CarX + (visit * 900), until: BayState.Free, max: 20);
        }

        Assert.Equal(1, detector.Resynchronisations);
        Assert.Equal(2, reportedOccupied);
        Assert.Equal(0, Feed(detector, X0, until: BayState.Free, max: 20));
        Assert.Equal(Settings.ConfirmSamples, Feed(detector, X0 + 6_000, until: BayState.Occupied, max: 20));
    }

    [Fact]
    public void The_saved_record_restores_state_baseline_and_signature()
    {
        var detector = Calibrated();
        Feed(detector, X0 + 6_000, until: BayState.Occupied, max: 10);
        byte[] record = new byte[48];
        detector.Save(record, 4);

        var restored = new BayOccupancyDetector(Settings);
        Assert.True(restored.Restore(record, 4));
        Assert.Equal(BayState.Occupied, restored.State);
        Assert.Equal(detector.Signature(0), restored.Signature(0));
        Assert.Equal(detector.Expected(0, T0), restored.Expected(0, T0));
        Assert.False(new BayOccupancyDetector(Settings).Restore(new byte[48], 4));
    }

    [Fact]
    public void A_weak_still_field_whose_samples_straddle_the_threshold_is_an_arrival_judged_on_the_stretch_mean()
    {
        // A motorbike off-centre: 1,000 nT on x under ±300 nT of noise per sample — single samples fall below every
        // per-sample threshold now and then, the mean of the stretch does not.
        var detector = Calibrated();
        var noise = new Random(7);
        int samples = 0;
        while (detector.State != BayState.Occupied && samples < 60)
        {
            detector.SampleSpacingMs = 500;
            int n = samples == 0 ? 400 : (int)((noise.NextDouble() - 0.5) * 600);
            detector.Update(X0 + 1_000 + n, Y0 + (int)((noise.NextDouble() - 0.5) * 600), Z0, T0, NoDistance);
            samples++;
        }

        Assert.Equal(BayState.Occupied, detector.State);
        Assert.InRange(samples, Settings.WeakConfirmSamples, Settings.WeakConfirmSamples + 4);
    }

    [Theory]
    [InlineData(12, 1_500)]
    [InlineData(20, 2_500)]
    [InlineData(30, 2_500)]
    public void A_slow_swing_of_a_tram_is_never_still_enough_for_an_arrival(int periodSamples, int amplitude)
    {
        // Periods of 6–15 s at the fast interval, about a baseline 400 nT off (drift not yet followed): the swing's
        // mean over a stretch can pass the weak threshold, but it moves far more than the chip's noise.
        var detector = Calibrated();
        for (int i = 0; i < 600; i++)
        {
            detector.SampleSpacingMs = 500;
            int swing = 400 + (int)(amplitude * Math.Sin(i * 2 * Math.PI / periodSamples));
            Assert.False(detector.Update(X0 + swing, Y0 - (swing / 2), Z0, T0, NoDistance), $"changed at sample {i}");
        }

        Assert.Equal(BayState.Free, detector.State);
    }

    [Fact]
    public void Seconds_of_fast_samples_of_a_weak_offset_are_not_taken_into_the_baseline()
    {
        // 12 fast samples once counted as "two hours" of an offset and absorbed a motorbike into the empty field.
        var detector = Calibrated();
        for (int i = 0; i < 40; i++)
        {
            detector.SampleSpacingMs = 500;
            detector.Update(X0 + 800, Y0 + (i % 2 == 0 ? 500 : -500), Z0, T0, NoDistance);
        }

        Assert.Equal(X0, detector.Expected(0, T0));
    }

    [Fact]
    public void A_strong_new_field_while_occupied_by_a_weak_vehicle_is_reported_as_a_new_occupation()
    {
        // The detector believes a weak vehicle parked (or missed its departure); a car now stands still there.
        var detector = Calibrated();
        Feed(detector, X0 + 2_500, until: BayState.Occupied, max: 20);
        int samples = 0;
        bool reported = false;
        while (!reported && samples < 40)
        {
            reported = detector.Update(X0 + 12_000, Y0 - 4_000, Z0, T0, NoDistance);
            samples++;
        }

        Assert.True(reported);
        Assert.Equal(BayState.Occupied, detector.State);
        Assert.Equal(1, detector.Replacements);
        Assert.Equal(X0 + 12_000, detector.Signature(0));

        // It leaves: back at the empty bay, reported free.
        Assert.Equal(Settings.ConfirmSamples, Feed(detector, X0, until: BayState.Free, max: 20));
    }

    [Fact]
    public void A_baseline_re_anchored_on_a_swing_at_a_departure_is_reverted_when_the_field_settles_where_it_was()
    {
        var detector = Calibrated();
        Feed(detector, X0 + 20_000, until: BayState.Occupied, max: 20);

        // The car leaves while a tram holds the field 1,200 nT off for the few samples the departure needs.
        Assert.Equal(Settings.ConfirmSamples, Feed(detector, X0 + 1_200, until: BayState.Free, max: 20));
        Assert.Equal(X0 + 1_200, detector.Expected(0, T0));

        // The tram has gone: the empty field is where it was before. No arrival, and the baseline goes back.
        for (int i = 0; i < 10; i++)
        {
            Assert.False(detector.Update(X0, Y0, Z0, T0, NoDistance));
        }

        Assert.Equal(BayState.Free, detector.State);
        Assert.Equal(1, detector.BaselineReverts);
        Assert.Equal(X0, detector.Expected(0, T0));
    }

    private static BayOccupancyDetector Calibrated()
    {
        var detector = new BayOccupancyDetector(Settings);
        for (int i = 0; i < Settings.CalibrationSamples; i++)
        {
            detector.Update(X0, Y0, Z0, T0, NoDistance);
        }

        return detector;
    }

    private static int Feed(BayOccupancyDetector detector, int x, BayState until, int max, int milliCelsius = T0)
    {
        int samples = 0;
        while (detector.State != until && samples < max)
        {
            detector.Update(x, Y0, Z0, milliCelsius, NoDistance);
            samples++;
        }

        return samples;
    }
}
