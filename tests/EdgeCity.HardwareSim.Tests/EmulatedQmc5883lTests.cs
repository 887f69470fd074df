using EdgeCity.Firmware.Drivers;
using EdgeCity.Firmware.Drivers.Qmc5883l;
using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips.Hmc5883l;
using EdgeCity.HardwareSim.Chips.Qmc5883l;

namespace EdgeCity.HardwareSim.Tests;

public class EmulatedQmc5883lTests
{
    private static byte[] Read(EmulatedQmc5883l chip, byte register, int count)
    {
        byte[] data = new byte[count];
        chip.WriteRead([register], data);
        return data;
    }

    private static (EmulatedQmc5883l Chip, Qmc5883lMagnetometer Driver) Started(ChipBench bench, int seed = 1)
    {
        var chip = new EmulatedQmc5883l(bench, seed, bench);
        var driver = new Qmc5883lMagnetometer(new I2cRegisterBus(chip));
        Assert.True(driver.Start(), driver.FailureReason);
        return (chip, driver);
    }

    [Fact]
    public void At_power_on_the_chip_is_in_standby_and_the_id_reads_FF()
    {
        var chip = new EmulatedQmc5883l(new ChipBench(), seed: 1);

        Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x01, 0xFF }, Read(chip, 0x09, 5));
        Assert.Equal(0x0D, chip.Address);
    }

    [Fact]
    public void Data_status_and_id_registers_are_read_only()
    {
        var chip = new EmulatedQmc5883l(new ChipBench(), seed: 1);
        chip.WriteRead([0x00, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0x07], []);
        chip.WriteRead([0x0D, 0x00], []);

        Assert.Equal(new byte[7], Read(chip, 0x00, 7));
        Assert.Equal(0xFF, Read(chip, 0x0D, 1)[0]);
    }

    [Fact]
    public void A_soft_reset_restores_the_power_on_values()
    {
        var chip = new EmulatedQmc5883l(new ChipBench(), seed: 1);
        chip.WriteRead([0x09, 0x1D, 0x41, 0x01], []);
        chip.WriteRead([0x0A, 0x80], []);

        Assert.Equal(new byte[] { 0x00, 0x00, 0x00 }, Read(chip, 0x09, 3));
    }

    [Fact]
    public void With_pointer_roll_over_a_read_past_the_status_register_starts_again_at_X()
    {
        var chip = new EmulatedQmc5883l(new ChipBench().WithField(10_000, 20_000, 30_000), seed: 1) { NoiseNanotesla = 0 };
        chip.WriteRead([0x09, 0x11], []);  // continuous, ±8 G
        chip.WriteRead([0x0A, 0x40], []);  // ROL_PNT
        byte[] fourteen = Read(chip, 0x00, 14);

        Assert.Equal(fourteen[..6], fourteen[7..13]);
    }

    [Fact]
    public void The_firmware_driver_reads_the_world_field_within_the_datasheet_noise()
    {
        var bench = new ChipBench().WithField(30_000, -4_400, 36_600);
        var (chip, driver) = Started(bench);
        var xs = new List<double>();
        for (int i = 0; i < 1000; i++)
        {
            chip.Sample();
            Assert.True(driver.TryReadField(out int x, out int y, out int z));
            Assert.InRange(y, -4_400 - 1_000, -4_400 + 1_000);
            Assert.InRange(z, 36_600 - 1_000, 36_600 + 1_000);
            xs.Add(x);
        }

        var (mean, sd) = Statistics.Describe(xs);
        Assert.InRange(mean, 30_000 - 30, 30_000 + 30);
        Assert.InRange(sd, 170, 240); // 200 nT (2 mG) noise; the 33 nT step at ±8 G adds little
    }

    [Fact]
    public void A_field_beyond_the_output_range_saturates_sets_OVL_and_the_driver_reports_a_failed_read()
    {
        // At ±8 G the 16-bit output spans ±10.9 G (32,767 / 3,000 LSB/G); 12 G saturates it.
        var bench = new ChipBench().WithField(1_200_000, 0, 0);
        var (chip, driver) = Started(bench);

        Assert.False(driver.TryReadField(out _, out _, out _));
        chip.Sample();
        Assert.Equal(0x02, Read(chip, 0x06, 1)[0] & 0x02);
        byte[] x = Read(chip, 0x00, 2);
        Assert.Equal(short.MaxValue, (short)(x[0] | (x[1] << 8)));

        bench.XNanotesla = 50_000;
        chip.Sample();
        Assert.True(driver.TryReadField(out int back, out _, out _)); // OVL clears when the field is back in range
        Assert.InRange(back, 49_000, 51_000);
    }

    [Fact]
    public void A_measurement_left_unread_sets_DOR_and_reading_the_data_clears_DRDY_and_DOR()
    {
        var (chip, _) = Started(new ChipBench().WithField(1_000, 0, 0));
        Read(chip, 0x00, 6);
        chip.Sample();
        chip.Sample();

        Assert.Equal(0x05, Read(chip, 0x06, 1)[0] & 0x05);
        Read(chip, 0x00, 6);
        chip.WriteRead([0x09, 0x10], []); // standby: nothing new is measured
        Assert.Equal(0x00, Read(chip, 0x06, 1)[0] & 0x05);
    }

    [Fact]
    public void A_chip_that_does_not_acknowledge_fails_the_read_instead_of_returning_zero()
    {
        var (chip, driver) = Started(new ChipBench().WithField(30_000, 0, 0));
        chip.NotAcknowledging = true;

        Assert.False(driver.TryReadField(out _, out _, out _));
        Assert.False(driver.TryReadTemperature(out _));
        Assert.Equal(2, driver.BusErrors);
    }

    [Fact]
    public void A_chip_that_does_not_acknowledge_at_start_is_reported_as_not_responding()
    {
        var chip = new EmulatedQmc5883l(new ChipBench(), seed: 1) { NotAcknowledging = true };
        var driver = new Qmc5883lMagnetometer(new I2cRegisterBus(chip));

        Assert.False(driver.Start());
        Assert.Equal(DriverStatus.NotResponding, driver.Status);
        Assert.Contains("0x0D", driver.FailureReason);
    }

    [Fact]
    public void A_stuck_output_is_reported_as_a_failed_read_once_the_stale_limit_is_passed()
    {
        var (chip, driver) = Started(new ChipBench().WithField(30_000, 0, 0));
        Assert.True(driver.TryReadField(out _, out _, out _));
        chip.OutputStuck = true;

        bool[] results = Enumerable.Range(0, 5).Select(_ => driver.TryReadField(out _, out _, out _)).ToArray();
        Assert.Equal(new[] { true, true, true, false, false }, results);
    }

    [Fact]
    public void The_driver_refuses_a_chip_whose_id_is_not_FF_and_names_the_address_and_the_value()
    {
        // An HMC5883L has no register 0Dh; it reads 00h there.
        var driver = new Qmc5883lMagnetometer(new I2cRegisterBus(new EmulatedHmc5883l(new FixedField(0, 0, 0), seed: 1)));

        Assert.False(driver.Start());
        Assert.Equal(DriverStatus.WrongChip, driver.Status);
        Assert.Equal("QMC5883L at 0x0D: chip id (0x0D) read 0x00, expected 0xFF", driver.FailureReason);
        Assert.False(driver.TryReadField(out _, out _, out _));
    }

    [Fact]
    public void The_temperature_output_follows_the_die_at_100_LSB_per_degree_with_an_uncalibrated_offset()
    {
        var bench = new ChipBench { Celsius = 25 };
        var (chip, driver) = Started(bench, seed: 3);
        Assert.True(driver.TryReadTemperature(out int at25));
        bench.Celsius = -15;
        chip.Sample();
        Assert.True(driver.TryReadTemperature(out int atMinus15));

        Assert.Equal(-40_000, atMinus15 - at25);
        Assert.Equal(25_000 + (chip.TemperatureOffsetLsb * 10), at25);
    }

    [Fact]
    public void Temperature_changes_the_sensitivity_by_no_more_than_the_residual_tempco()
    {
        var bench = new ChipBench().WithField(100_000, 0, 0);
        var (chip, driver) = Started(bench);
        chip.NoiseNanotesla = 0;
        double Read(double celsius)
        {
            bench.Celsius = celsius;
            chip.Sample();
            Assert.True(driver.TryReadField(out int x, out _, out _));
            return x;
        }

        double cold = Read(-40);
        double hot = Read(85);
        Assert.InRange(Math.Abs(hot - cold) / 100_000, 0, 0.0002 * 125);
    }

    [Fact]
    public void The_driver_read_path_allocates_nothing()
    {
        var (chip, driver) = Started(new ChipBench().WithField(30_000, 0, 40_000));
        driver.TryReadField(out _, out _, out _);
        driver.TryReadTemperature(out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            chip.Sample();
            driver.TryReadField(out _, out _, out _);
            driver.TryReadTemperature(out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
