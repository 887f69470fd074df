using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips.Vl53l0x;

namespace EdgeCity.HardwareSim.Tests;

public class EmulatedVl53l0xTests
{
    private static byte[] Read(EmulatedVl53l0x chip, byte register, int count)
    {
        byte[] data = new byte[count];
        chip.WriteRead([register], data);
        return data;
    }

    [Fact]
    public void At_power_on_the_reference_registers_hold_their_datasheet_values()
    {
        var chip = new EmulatedVl53l0x(new ChipBench(), seed: 1);

        Assert.Equal(new byte[] { 0xEE, 0xAA, 0x10 }, Read(chip, 0xC0, 3));
        Assert.Equal(new byte[] { 0x00, 0x99 }, Read(chip, 0x51, 2));
        Assert.Equal(new byte[] { 0x00, 0x00 }, Read(chip, 0x61, 2));
        Assert.Equal(0x29, chip.Address);
    }

    [Fact]
    public void The_model_and_revision_ids_are_read_only()
    {
        var chip = new EmulatedVl53l0x(new ChipBench(), seed: 1);
        chip.WriteRead([0xC0, 0x00, 0x00, 0x00], []);

        Assert.Equal(new byte[] { 0xEE, 0xAA, 0x10 }, Read(chip, 0xC0, 3));
    }

    [Fact]
    public void A_soft_reset_holds_the_chip_until_released_and_then_restores_the_power_on_values()
    {
        var chip = new EmulatedVl53l0x(new ChipBench(), seed: 1);
        chip.WriteRead([0x51, 0x12, 0x34], []);
        chip.WriteRead([0xBF, 0x00], []);
        Assert.Equal(0x00, Read(chip, 0xC0, 1)[0]);

        chip.WriteRead([0xBF, 0x01], []);
        Assert.Equal(0xEE, Read(chip, 0xC0, 1)[0]);
        Assert.Equal(new byte[] { 0x00, 0x99 }, Read(chip, 0x51, 2));
    }

    [Fact]
    public void Registers_are_paged_by_FFh_so_page_1_writes_do_not_start_a_ranging()
    {
        var chip = new EmulatedVl53l0x(new ChipBench { Millimetres = 300 }, seed: 1);
        chip.WriteRead([0xFF, 0x01], []);
        chip.WriteRead([0x00, 0x01], []);
        Assert.Equal(0x3C, Read(chip, 0x91, 1)[0]); // the "stop variable" lives on page 1
        chip.WriteRead([0xFF, 0x00], []);

        Assert.Equal(0, chip.Rangings);
        Assert.Equal(0x00, Read(chip, 0x13, 1)[0]);
    }

    [Fact]
    public void The_real_driver_initialises_and_reads_the_world_distance_within_the_datasheet_noise()
    {
        var bench = new ChipBench { Millimetres = 250 };
        var chip = new EmulatedVl53l0x(bench, seed: 5);
        using var sensor = new Vl53l0xDistanceSensor(chip);
        var readings = new List<double>();
        for (int i = 0; i < 500; i++)
        {
            Assert.True(sensor.TryReadDistance(out int millimetres));
            readings.Add(millimetres);
        }

        var (mean, sd) = Statistics.Describe(readings);
        Assert.InRange(mean, 250 - 2, 250 + 2);
        Assert.InRange(sd, 250 * 0.035, 250 * 0.045); // 4 % of the distance
        Assert.Equal(500, chip.Rangings);
        Assert.Equal(2000, chip.MaxRangeMillimetres); // the driver chose the long-range profile
    }

    [Fact]
    public void With_no_target_or_one_beyond_the_range_the_sensor_reports_8190()
    {
        var bench = new ChipBench { Millimetres = null };
        using var sensor = new Vl53l0xDistanceSensor(new EmulatedVl53l0x(bench, seed: 1));

        Assert.True(sensor.TryReadDistance(out int none));
        Assert.Equal(8190, none);
        bench.Millimetres = 2_500;
        Assert.True(sensor.TryReadDistance(out int far));
        Assert.Equal(8190, far);
        bench.Millimetres = 400;
        Assert.True(sensor.TryReadDistance(out int car));
        Assert.InRange(car, 340, 460);
    }

    [Fact]
    public void Continuous_ranging_gives_a_fresh_range_after_each_interrupt_clear()
    {
        var bench = new ChipBench { Millimetres = 150 };
        var chip = new EmulatedVl53l0x(bench, seed: 1) { RangingSigmaPercent = 0 };
        chip.WriteRead([0x00, 0x02], []); // back-to-back
        Assert.Equal(0x04, Read(chip, 0x13, 1)[0] & 0x07);
        Assert.Equal(new byte[] { 0x00, 150 }, Read(chip, 0x1E, 2));

        bench.Millimetres = 200;
        chip.WriteRead([0x0B, 0x01], []);
        Assert.Equal(0x04, Read(chip, 0x13, 1)[0] & 0x07);
        Assert.Equal(new byte[] { 0x00, 200 }, Read(chip, 0x1E, 2));
    }

    [Fact]
    public void A_sensor_that_does_not_acknowledge_fails_the_read_instead_of_reporting_no_target()
    {
        var chip = new EmulatedVl53l0x(new ChipBench { Millimetres = 300 }, seed: 1);
        using var sensor = new Vl53l0xDistanceSensor(chip);
        chip.NotAcknowledging = true;

        Assert.False(sensor.TryReadDistance(out int millimetres));
        Assert.Equal(0, millimetres);
        Assert.Equal(1, sensor.BusErrors);
    }

    [Fact]
    public void A_sensor_that_does_not_acknowledge_at_start_throws_an_IOException()
    {
        var chip = new EmulatedVl53l0x(new ChipBench(), seed: 1) { NotAcknowledging = true };

        Assert.Throws<IOException>(() => new Vl53l0xDistanceSensor(chip));
    }

    [Fact]
    public void A_stuck_output_keeps_returning_the_last_range()
    {
        var bench = new ChipBench { Millimetres = 300 };
        var chip = new EmulatedVl53l0x(bench, seed: 1);
        using var sensor = new Vl53l0xDistanceSensor(chip);
        Assert.True(sensor.TryReadDistance(out int before));
        chip.OutputStuck = true;
        bench.Millimetres = null;

        Assert.True(sensor.TryReadDistance(out int after));
        Assert.Equal(before, after);
    }
}
