using EdgeCity.Firmware.Drivers;
using EdgeCity.Firmware.Drivers.Lis2mdl;
using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Chips.Hmc5883l;
using EdgeCity.HardwareSim.Chips.Lis2mdl;

namespace EdgeCity.HardwareSim.Tests;

public class EmulatedLis2mdlTests
{
    internal static byte[] Read(EmulatedLis2mdl chip, byte register, int count)
    {
        byte[] data = new byte[count];
        chip.WriteRead([register], data);
        return data;
    }

    internal static (EmulatedLis2mdl Chip, Lis2mdlMagnetometer Driver) Started(ChipBench bench, int seed = 1, bool singleShot = false)
    {
        var chip = new EmulatedLis2mdl(bench, seed, bench);
        var driver = new Lis2mdlMagnetometer(new I2cRegisterBus(chip), new SimulatedInputPin(() => chip.InterruptLine))
        {
            SingleShot = singleShot,
        };
        Assert.True(driver.Start(), driver.FailureReason);
        return (chip, driver);
    }

    [Fact]
    public void At_power_on_WHO_AM_I_reads_40h_the_chip_idles_and_all_axes_are_enabled_for_interrupts()
    {
        var chip = new EmulatedLis2mdl(new ChipBench(), seed: 1);

        Assert.Equal(0x40, Read(chip, 0x4F, 1)[0]);
        Assert.Equal(new byte[] { 0x03, 0x00, 0x00, 0xE0, 0x00, 0x00, 0x00, 0x00 }, Read(chip, 0x60, 8));
        Assert.Equal(new byte[6], Read(chip, 0x45, 6));
        Assert.Equal(0x1E, chip.Address);
    }

    [Fact]
    public void Identity_status_output_and_interrupt_source_registers_are_read_only()
    {
        var chip = new EmulatedLis2mdl(new ChipBench(), seed: 1);
        chip.WriteRead([0x4F, 0x00], []);
        chip.WriteRead([0x64, 0xFF, 0xFF, 0xFF, 0xFF, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88], []);

        Assert.Equal(0x40, Read(chip, 0x4F, 1)[0]);
        Assert.Equal(new byte[9], Read(chip, 0x67, 9));
        Assert.Equal(0x00, Read(chip, 0x64, 1)[0] & 0xFE);
        Assert.Equal(new byte[] { 0xFF, 0xFF }, Read(chip, 0x65, 2)); // the thresholds, written on the way, are writable
    }

    [Fact]
    public void A_soft_reset_restores_the_power_on_values()
    {
        var (chip, driver) = Started(new ChipBench());
        Assert.True(driver.ArmWake(30_000, 0, 40_000, 3_000));
        chip.WriteRead([0x60, 0x20], []);

        Assert.Equal(new byte[] { 0x03, 0x00, 0x00, 0xE0 }, Read(chip, 0x60, 4));
        Assert.Equal(new byte[6], Read(chip, 0x45, 6));
    }

    [Fact]
    public void The_firmware_driver_reads_the_world_field_within_the_datasheet_noise()
    {
        var bench = new ChipBench().WithField(30_400, -4_400, 36_600);
        var (chip, driver) = Started(bench);
        var xs = new List<double>();
        for (int i = 0; i < 2000; i++)
        {
            chip.Sample();
            Assert.True(driver.TryReadField(out int x, out int y, out int z));
            Assert.InRange(z, 36_600 - 2_000, 36_600 + 2_000);
            xs.Add(x);
        }

        var (mean, sd) = Statistics.Describe(xs);
        Assert.InRange(mean, 30_400 - 30, 30_400 + 30);
        Assert.InRange(sd, 300, 380); // low-power 4.5 mG through the LPF: 318 nT, plus the 150 nT step
    }

    [Fact]
    public void Before_the_chip_has_measured_the_driver_reports_no_field_rather_than_zero()
    {
        var (chip, driver) = Started(new ChipBench().WithField(30_000, 0, 0));

        Assert.False(driver.TryReadField(out _, out _, out _));
        chip.Sample();
        Assert.True(driver.TryReadField(out int x, out _, out _));
        Assert.InRange(x, 28_000, 32_000);
    }

    [Fact]
    public void In_single_shot_mode_each_read_triggers_one_measurement_and_the_chip_idles_between()
    {
        var bench = new ChipBench().WithField(-20_000, 10_000, 45_000);
        var (chip, driver) = Started(bench, singleShot: true);
        chip.NoiseNanotesla = chip.LowPowerNoiseNanotesla = 0;

        Assert.True(driver.TryReadField(out int x, out int y, out int z));
        Assert.Equal(3, chip.Mode);
        Assert.Equal(1, chip.Measurements);
        Assert.InRange(x, -20_075, -19_925);
        Assert.InRange(y, 9_925, 10_075);
        Assert.InRange(z, 44_925, 45_075);
        chip.Sample(); // the chip's clock does nothing while it idles
        Assert.Equal(1, chip.Measurements);
    }

    [Fact]
    public void Without_offset_cancellation_the_zero_gauss_offset_shows_and_with_it_the_offset_is_gone()
    {
        var chip = new EmulatedLis2mdl(new ChipBench(), seed: 7) { NoiseNanotesla = 0 };
        short X() { byte[] b = Read(chip, 0x68, 2); return (short)(b[0] | (b[1] << 8)); }

        chip.WriteRead([0x60, 0x00], []); // continuous, OFF_CANC = 0
        chip.Sample();
        short uncancelled = X();
        chip.WriteRead([0x61, 0x02], []); // OFF_CANC = 1
        chip.Sample();

        Assert.NotEqual(0, uncancelled);
        Assert.InRange(Math.Abs(uncancelled), 1, 40); // within ±60 mG = ±40 LSB
        Assert.Equal(0, X());
    }

    [Fact]
    public void A_field_beyond_the_range_saturates_sets_MROI_and_the_driver_reports_a_failed_read()
    {
        var bench = new ChipBench().WithField(6_000_000, 0, 0); // 60 G
        var (chip, driver) = Started(bench);
        chip.Sample();

        Assert.False(driver.TryReadField(out _, out _, out _));
        byte[] x = Read(chip, 0x68, 2);
        Assert.Equal(short.MaxValue, (short)(x[0] | (x[1] << 8)));
        Assert.Equal(0x02, Read(chip, 0x64, 1)[0] & 0x02);
    }

    [Fact]
    public void A_chip_that_does_not_acknowledge_fails_the_read_instead_of_returning_zero()
    {
        var (chip, driver) = Started(new ChipBench().WithField(30_000, 0, 0));
        chip.NotAcknowledging = true;
        chip.Sample();

        Assert.False(driver.TryReadField(out int x, out _, out _));
        Assert.Equal(0, x);
        Assert.False(driver.TryReadTemperature(out _));
        Assert.False(driver.ArmWake(0, 0, 0, 1_500));
    }

    [Fact]
    public void A_stuck_output_is_reported_as_a_failed_read_once_the_stale_limit_is_passed()
    {
        var (chip, driver) = Started(new ChipBench().WithField(30_000, 0, 0));
        chip.Sample();
        Assert.True(driver.TryReadField(out _, out _, out _));
        chip.OutputStuck = true;

        var results = new List<bool>();
        for (int i = 0; i < 5; i++)
        {
            chip.Sample();
            results.Add(driver.TryReadField(out _, out _, out _));
        }

        Assert.Equal(new[] { true, true, true, false, false }, results);
    }

    [Fact]
    public void The_driver_refuses_a_chip_whose_WHO_AM_I_is_not_40h_and_names_the_address_and_the_value()
    {
        // An HMC5883L answers at the same address 0x1E but has no register 4Fh.
        var wrongChip = new EmulatedHmc5883l(new FixedField(0, 0, 0), seed: 1);
        var driver = new Lis2mdlMagnetometer(new I2cRegisterBus(wrongChip), null);

        Assert.False(driver.Start());
        Assert.Equal(DriverStatus.WrongChip, driver.Status);
        Assert.Equal("LIS2MDL at 0x1E: WHO_AM_I (0x4F) read 0x00, expected 0x40", driver.FailureReason);
        Assert.False(driver.TryReadField(out _, out _, out _));
    }

    [Fact]
    public void A_chip_that_does_not_acknowledge_at_start_is_reported_as_not_responding()
    {
        var chip = new EmulatedLis2mdl(new ChipBench(), seed: 1) { NotAcknowledging = true };
        var driver = new Lis2mdlMagnetometer(new I2cRegisterBus(chip), null);

        Assert.False(driver.Start());
        Assert.Equal(DriverStatus.NotResponding, driver.Status);
        Assert.Equal("LIS2MDL at 0x1E did not acknowledge", driver.FailureReason);
    }

    [Fact]
    public void The_temperature_output_follows_the_die_at_8_LSB_per_degree_from_25_degrees()
    {
        var bench = new ChipBench { Celsius = -12.5 };
        var (chip, driver) = Started(bench);
        chip.Sample();

        Assert.True(driver.TryReadTemperature(out int milliCelsius));
        Assert.Equal(-12_500, milliCelsius);
        Assert.Equal(new byte[] { 0xD4, 0xFE }, Read(chip, 0x6E, 2)); // −300 LSB
    }

    [Fact]
    public void Temperature_changes_the_sensitivity_by_no_more_than_the_datasheet_tempco()
    {
        var bench = new ChipBench().WithField(100_000, 0, 0);
        var (chip, driver) = Started(bench, seed: 11);
        chip.NoiseNanotesla = chip.LowPowerNoiseNanotesla = 0;
        int Read(double celsius)
        {
            bench.Celsius = celsius;
            chip.Sample();
            Assert.True(driver.TryReadField(out int x, out _, out _));
            return x;
        }

        int cold = Read(-40);
        int hot = Read(85);
        Assert.NotEqual(cold, hot);
        Assert.InRange(Math.Abs(hot - cold), 0, (100_000 * EmulatedLis2mdl.SensitivityTempcoPerCelsius * 125) + 150);
    }

    [Fact]
    public void Swapping_the_byte_order_with_BLE_returns_the_high_byte_first()
    {
        var chip = new EmulatedLis2mdl(new ChipBench().WithField(150 * 0x1234, 0, 0), seed: 1) { NoiseNanotesla = 0 };
        chip.WriteRead([0x61, 0x02, 0x08], []); // OFF_CANC; BLE
        chip.WriteRead([0x60, 0x00], []);
        chip.Sample();

        Assert.Equal(new byte[] { 0x12, 0x34 }, Read(chip, 0x68, 2));
    }

    [Fact]
    public void The_driver_read_path_allocates_nothing()
    {
        var (chip, driver) = Started(new ChipBench().WithField(30_000, 0, 40_000));
        chip.Sample();
        driver.TryReadField(out _, out _, out _);
        driver.TryReadTemperature(out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            chip.Sample();
            driver.TryReadField(out _, out _, out _);
            driver.TryReadTemperature(out _);
            _ = driver.WakePending;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
