using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips.Hmc5883l;
using Iot.Device.Hmc5883l;

namespace EdgeCity.HardwareSim.Tests;

public class EmulatedHmc5883lTests
{
    [Fact]
    public void At_power_on_the_registers_hold_the_datasheet_defaults_and_the_id_reads_H43()
    {
        var chip = new EmulatedHmc5883l(new FixedField(0, 0, 0), seed: 1);
        byte[] configuration = new byte[3];
        chip.WriteRead([0x00], configuration);
        byte[] id = new byte[3];
        chip.WriteRead([0x0A], id);

        Assert.Equal(0x10, configuration[0]); // Configuration A: 15 Hz, 1 sample, normal
        Assert.Equal(0x20, configuration[1]); // Configuration B: gain 1090 LSB/G
        Assert.Equal(0x01, configuration[2]); // Mode: single measurement
        Assert.Equal("H43"u8.ToArray(), id);
    }

    [Fact]
    public void Identification_and_data_registers_are_read_only()
    {
        var chip = new EmulatedHmc5883l(new FixedField(0, 0, 0), seed: 1);
        chip.WriteRead([0x0A, 0x00, 0x00, 0x00], []);
        byte[] id = new byte[3];
        chip.WriteRead([0x0A], id);
        Assert.Equal("H43"u8.ToArray(), id);
    }

    [Fact]
    public void Reading_past_the_last_data_register_wraps_to_the_first_one()
    {
        var chip = new EmulatedHmc5883l(new FixedField(10_000, 20_000, 30_000), seed: 1) { NoiseNanotesla = 0 };
        chip.WriteRead([0x02, 0x00], []); // continuous mode
        byte[] twelve = new byte[12];
        chip.WriteRead([0x03], twelve);
        Assert.Equal(twelve[..6], twelve[6..]);
    }

    [Fact]
    public void The_real_driver_reads_the_field_in_counts_of_the_configured_gain()
    {
        // 50,000 nT = 0.5 G → 545 counts at 1090 LSB/G.
        var chip = new EmulatedHmc5883l(new FixedField(50_000, -20_000, 10_000), seed: 1) { NoiseNanotesla = 0 };
        using var magnetometer = new Hmc5883lMagnetometer(chip);

        Assert.True(magnetometer.TryReadField(out int x, out int y, out int z));
        Assert.InRange(x, 50_000 - 92, 50_000 + 92);
        Assert.InRange(y, -20_000 - 92, -20_000 + 92);
        Assert.InRange(z, 10_000 - 92, 10_000 + 92);
        Assert.True(chip.Measurements >= 1);
    }

    [Fact]
    public void A_field_beyond_the_range_reads_as_overflow_and_the_adapter_reports_a_failed_sample()
    {
        // ±2048 counts at gain 1090 is ±188 µT; 250 µT overflows.
        var chip = new EmulatedHmc5883l(new FixedField(250_000, 0, 0), seed: 1) { NoiseNanotesla = 0 };
        using var magnetometer = new Hmc5883lMagnetometer(chip);
        Assert.False(magnetometer.TryReadField(out _, out _, out _));

        byte[] raw = new byte[2];
        chip.WriteRead([0x03], raw);
        Assert.Equal(-4096, (short)((raw[0] << 8) | raw[1]));
    }

    [Fact]
    public void A_chip_that_does_not_acknowledge_fails_the_read_instead_of_returning_zero()
    {
        var chip = new EmulatedHmc5883l(new FixedField(50_000, 0, 0), seed: 1);
        using var magnetometer = new Hmc5883lMagnetometer(chip);
        chip.NotAcknowledging = true;

        Assert.False(magnetometer.TryReadField(out _, out _, out _));
        Assert.Equal(1, magnetometer.BusErrors);
    }

    [Theory]
    [InlineData(SamplesAmount.One, 1, 150, 260)] // 200 nT noise plus the 92 nT quantisation step
    [InlineData(SamplesAmount.Eight, 8, 55, 100)] // 200/√8 ≈ 71 nT plus the quantisation step
    public void Noise_has_the_datasheet_spread_falls_with_averaging_and_the_same_seed_gives_the_same_samples(
        SamplesAmount averaging, int expectedSamples, double minSd, double maxSd)
    {
        List<int> Sample(int seed)
        {
            var chip = new EmulatedHmc5883l(new FixedField(30_000, 0, 0), seed);
            using var magnetometer = new Hmc5883lMagnetometer(chip, averaging);
            Assert.Equal(expectedSamples, chip.SamplesAveraged);
            var xs = new List<int>();
            for (int i = 0; i < 2000; i++)
            {
                magnetometer.TryReadField(out int x, out _, out _);
                xs.Add(x);
            }

            return xs;
        }

        var a = Sample(5);
        Assert.Equal(a, Sample(5));
        Assert.NotEqual(a, Sample(6));
        double mean = a.Average();
        double sd = Math.Sqrt(a.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, 29_950, 30_050);
        Assert.InRange(sd, minSd, maxSd);
    }

    [Fact]
    public void Samples_averaged_follow_the_MA_bits_of_configuration_register_A()
    {
        var chip = new EmulatedHmc5883l(new FixedField(0, 0, 0), seed: 1);
        Assert.Equal(1, chip.SamplesAveraged); // power-on CRA 0x10: MA = 00
        foreach (var (cra, samples) in new[] { (0x30, 2), (0x50, 4), (0x70, 8), (0x10, 1) })
        {
            chip.WriteRead([(byte)Hmc5883lRegister.ConfigurationA, (byte)cra], []);
            Assert.Equal(samples, chip.SamplesAveraged);
        }
    }

    [Fact]
    public void A_warmer_die_reads_a_weaker_field_by_the_datasheet_sensitivity_tempco()
    {
        var bench = new ChipBench().WithField(100_000, 0, 0);
        var chip = new EmulatedHmc5883l(bench, seed: 1, bench) { NoiseNanotesla = 0 };
        using var magnetometer = new Hmc5883lMagnetometer(chip);
        Assert.True(magnetometer.TryReadField(out int at25, out _, out _));
        bench.Celsius = 65;
        Assert.True(magnetometer.TryReadField(out int at65, out _, out _));

        // −0.3 %/°C over 40 °C: 12 % weaker, ±1 count (92 nT) of quantisation.
        Assert.InRange(at25, 100_000 - 92, 100_000 + 92);
        Assert.InRange(at65, 88_000 - 184, 88_000 + 184);
    }
}
