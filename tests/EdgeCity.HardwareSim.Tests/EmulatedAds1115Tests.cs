using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips;
using EdgeCity.HardwareSim.Chips.Ads1115;

namespace EdgeCity.HardwareSim.Tests;

public class EmulatedAds1115Tests
{
    private static ushort ReadRegister(EmulatedAds1115 chip, byte register)
    {
        byte[] data = new byte[2];
        chip.WriteRead([register], data);
        return (ushort)((data[0] << 8) | data[1]);
    }

    private static (EmulatedAds1115 Chip, Ads1115BatteryGauge Gauge) Battery(ChipBench bench, int seed = 1)
    {
        var chip = new EmulatedAds1115(new VoltageDivider(bench, 2.0), seed, bench);
        return (chip, new Ads1115BatteryGauge(chip, dividerRatio: 2.0));
    }

    [Fact]
    public void At_power_on_the_config_reads_8583h_and_the_thresholds_their_defaults()
    {
        var chip = new EmulatedAds1115(new ChipBench(), seed: 1);

        Assert.Equal(0x8583, ReadRegister(chip, 0x01));
        Assert.Equal(0x8000, ReadRegister(chip, 0x02));
        Assert.Equal(0x7FFF, ReadRegister(chip, 0x03));
        Assert.Equal(0x0000, ReadRegister(chip, 0x00));
        Assert.Equal(0x48, chip.Address);
    }

    [Fact]
    public void The_conversion_register_is_read_only()
    {
        var chip = new EmulatedAds1115(new ChipBench(), seed: 1);
        chip.WriteRead([0x00, 0x12, 0x34], []);

        Assert.Equal(0x0000, ReadRegister(chip, 0x00));
    }

    [Fact]
    public void A_single_shot_conversion_reads_busy_once_then_done()
    {
        var chip = new EmulatedAds1115(new ChipBench { Voltage = 1.0 }, seed: 1);
        chip.WriteRead([0x01, 0xC5, 0x83], []); // OS=1, AIN0, ±2.048 V, single-shot

        Assert.Equal(0, ReadRegister(chip, 0x01) & 0x8000);
        Assert.Equal(0x8000, ReadRegister(chip, 0x01) & 0x8000);
        Assert.InRange((short)ReadRegister(chip, 0x00), 16_000 - 3, 16_000 + 3); // 1.0 V / 62.5 µV
    }

    [Fact]
    public void The_real_driver_reads_the_cell_voltage_through_the_divider_within_the_noise()
    {
        var bench = new ChipBench { Voltage = 3.600 };
        var (chip, gauge) = Battery(bench);
        var readings = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            Assert.True(gauge.TryReadBattery(out int millivolts));
            readings.Add(millivolts);
        }

        var (mean, sd) = Statistics.Describe(readings);
        Assert.InRange(mean, 3_599, 3_601); // offset ±1 LSB and gain ±0.01 %: well under a millivolt
        Assert.InRange(sd, 0, 0.5);
        Assert.True(chip.Conversions >= 200);
        gauge.Dispose();
    }

    [Fact]
    public void A_voltage_beyond_the_full_scale_clips_to_7FFFh_and_the_gauge_reports_a_failed_read()
    {
        var bench = new ChipBench { Voltage = 4.5 }; // 2.25 V at the pin, beyond ±2.048 V
        var (chip, gauge) = Battery(bench);

        Assert.False(gauge.TryReadBattery(out _));
        Assert.Equal(0x7FFF, ReadRegister(chip, 0x00));
    }

    [Fact]
    public void A_negative_differential_input_converts_to_a_negative_code()
    {
        var bench = new ChipBench { Voltage = 0.5 };
        var chip = new EmulatedAds1115(bench, seed: 1);
        chip.ConnectInput(1, new VoltageDivider(bench, 0.5)); // AIN1 at 1.0 V
        chip.WriteRead([0x01, 0x85, 0x83], []); // AIN0 − AIN1, ±2.048 V, single-shot
        ReadRegister(chip, 0x01);

        Assert.InRange((short)ReadRegister(chip, 0x00), -8_000 - 3, -8_000 + 3);
    }

    [Fact]
    public void A_chip_that_does_not_acknowledge_fails_the_read_instead_of_returning_zero()
    {
        var (chip, gauge) = Battery(new ChipBench { Voltage = 3.6 });
        chip.NotAcknowledging = true;

        Assert.False(gauge.TryReadBattery(out int millivolts));
        Assert.Equal(0, millivolts);
        Assert.Equal(1, gauge.BusErrors);
        gauge.Dispose(); // must not throw on a dead chip
    }

    [Fact]
    public void A_stuck_output_keeps_returning_the_last_conversion()
    {
        var bench = new ChipBench { Voltage = 3.6 };
        var (chip, gauge) = Battery(bench);
        Assert.True(gauge.TryReadBattery(out int before));
        chip.OutputStuck = true;
        bench.Voltage = 3.0;

        Assert.True(gauge.TryReadBattery(out int after));
        Assert.Equal(before, after);
    }

    [Fact]
    public void Temperature_drifts_the_gain_by_the_datasheet_7_ppm_per_degree()
    {
        var bench = new ChipBench { Voltage = 3.6 };
        var chip = new EmulatedAds1115(new VoltageDivider(bench), seed: 1, bench);
        double MeanCode(double celsius)
        {
            bench.Celsius = celsius;
            var codes = new List<double>();
            for (int i = 0; i < 400; i++)
            {
                chip.WriteRead([0x01, 0xC5, 0x83], []);
                ReadRegister(chip, 0x01);
                codes.Add((short)ReadRegister(chip, 0x00));
            }

            return codes.Average();
        }

        // 1.8 V = 28,800 codes; 7 ppm/°C over 125 °C is 0.0875 %: 25.2 codes (plus 0.6 from the offset drift).
        double drift = MeanCode(85) - MeanCode(-40);
        Assert.InRange(drift, 25.8 - 1, 25.8 + 1);
    }
}
