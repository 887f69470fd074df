using EdgeCity.Firmware.Drivers.Lis2mdl;
using EdgeCity.HardwareSim.Chips.Lis2mdl;
using static EdgeCity.HardwareSim.Tests.EmulatedLis2mdlTests;

namespace EdgeCity.HardwareSim.Tests;

public class Lis2mdlInterruptTests
{
    private const int BaseX = 30_000, BaseY = -4_400, BaseZ = 36_600;

    private static (ChipBench Bench, EmulatedLis2mdl Chip, Lis2mdlMagnetometer Driver) Armed(int thresholdNanotesla = 3_000)
    {
        var bench = new ChipBench().WithField(BaseX, BaseY, BaseZ);
        var (chip, driver) = Started(bench);
        Assert.True(driver.ArmWake(BaseX, BaseY, BaseZ, thresholdNanotesla));
        chip.Sample();
        return (bench, chip, driver);
    }

    [Fact]
    public void Arming_writes_the_baseline_offsets_the_threshold_and_an_active_high_latched_interrupt()
    {
        var (_, chip, _) = Armed(3_000);

        Assert.Equal(new byte[] { 200, 0, 0xE3, 0xFF, 244, 0 }, Read(chip, 0x45, 6)); // 200, −29, 244 LSB
        Assert.Equal(0x08, Read(chip, 0x61, 1)[0] & 0x08);  // INT_on_DataOFF
        Assert.Equal(0x40, Read(chip, 0x62, 1)[0] & 0x40);  // INT_on_PIN
        Assert.Equal(new byte[] { 0xE7, 0x00, 20, 0 }, Read(chip, 0x63, 4)); // XYZ, IEA, IEL, IEN; no event; threshold 20 LSB
        Assert.Equal(0, chip.Mode);
    }

    [Fact]
    public void A_steady_field_at_the_baseline_does_not_raise_the_interrupt_line()
    {
        var (_, chip, driver) = Armed();
        for (int i = 0; i < 1000; i++)
        {
            chip.Sample();
        }

        Assert.False(chip.InterruptLine);
        Assert.False(driver.WakePending);
    }

    [Fact]
    public void A_field_step_beyond_the_threshold_raises_the_interrupt_line()
    {
        var (bench, chip, driver) = Armed(3_000);
        bench.ZNanotesla = BaseZ + 5_000;
        chip.Sample();

        Assert.True(chip.InterruptLine);
        Assert.True(driver.WakePending);
    }

    [Fact]
    public void A_field_step_below_the_threshold_does_not_raise_the_interrupt_line()
    {
        var (bench, chip, driver) = Armed(3_000);
        bench.ZNanotesla = BaseZ + 1_500;
        for (int i = 0; i < 100; i++)
        {
            chip.Sample();
        }

        Assert.False(driver.WakePending);
    }

    [Theory]
    [InlineData(4_000, 0, 0, 0x80)]  // P_TH_S_X
    [InlineData(0, -4_000, 0, 0x08)] // N_TH_S_Y
    [InlineData(0, 0, -4_000, 0x04)] // N_TH_S_Z
    [InlineData(0, 4_000, 0, 0x40)]  // P_TH_S_Y
    public void A_step_on_any_enabled_axis_fires_and_INT_SOURCE_names_the_axis_and_the_side(int dx, int dy, int dz, int flag)
    {
        var (bench, chip, driver) = Armed(3_000);
        bench.WithField(BaseX + dx, BaseY + dy, BaseZ + dz);
        chip.Sample();

        Assert.True(driver.WakePending);
        driver.ClearWake();
        Assert.Equal(flag | 0x01, driver.LastInterruptSource);
    }

    [Fact]
    public void A_step_on_a_disabled_axis_does_not_fire()
    {
        var (bench, chip, _) = Armed(3_000);
        chip.WriteRead([0x63, 0xC7], []); // Z disabled
        bench.ZNanotesla = BaseZ + 10_000;
        chip.Sample();

        Assert.False(chip.InterruptLine);
    }

    [Fact]
    public void A_latched_interrupt_stays_asserted_after_the_field_returns_until_INT_SOURCE_is_read()
    {
        var (bench, chip, driver) = Armed(3_000);
        bench.XNanotesla = BaseX + 8_000;
        chip.Sample();
        bench.XNanotesla = BaseX;
        for (int i = 0; i < 10; i++)
        {
            chip.Sample();
        }

        Assert.True(driver.WakePending);
        driver.ClearWake();
        Assert.Equal(0x81, driver.LastInterruptSource);
        Assert.False(driver.WakePending);
        Assert.Equal(0x00, Read(chip, 0x64, 1)[0] & 0xFC); // flags cleared by the read
    }

    [Fact]
    public void A_pulsed_interrupt_lasts_one_measurement_and_is_not_cleared_by_reading()
    {
        var (bench, chip, _) = Armed(3_000);
        chip.WriteRead([0x63, 0xE5], []); // IEL = 0: pulsed
        bench.XNanotesla = BaseX + 8_000;
        chip.Sample();

        Assert.True(chip.InterruptLine);
        Assert.Equal(0x81, Read(chip, 0x64, 1)[0]);
        Assert.True(chip.InterruptLine);
        bench.XNanotesla = BaseX;
        chip.Sample();
        Assert.False(chip.InterruptLine);
    }

    [Fact]
    public void With_IEA_clear_the_line_is_active_low()
    {
        var (bench, chip, _) = Armed(3_000);
        chip.WriteRead([0x63, 0xE3], []); // IEA = 0
        Assert.True(chip.InterruptLine);  // idle high

        bench.XNanotesla = BaseX - 8_000;
        chip.Sample();
        Assert.False(chip.InterruptLine);
    }

    [Fact]
    public void Without_INT_on_DataOFF_the_threshold_applies_to_the_raw_field_not_to_the_deviation()
    {
        var (_, chip, _) = Armed(3_000);
        chip.WriteRead([0x61, 0x13], []); // INT_on_DataOFF = 0 (OFF_CANC, LPF kept)
        chip.Sample();

        Assert.True(chip.InterruptLine); // the raw 30 µT X exceeds ±3 µT
    }

    [Fact]
    public void While_armed_the_driver_still_reads_the_absolute_field()
    {
        var (bench, chip, driver) = Armed(3_000);
        chip.NoiseNanotesla = chip.LowPowerNoiseNanotesla = 0;
        bench.YNanotesla = BaseY + 1_000;
        chip.Sample();

        Assert.True(driver.TryReadField(out int x, out int y, out int z));
        Assert.InRange(x, BaseX - 150, BaseX + 150);
        Assert.InRange(y, BaseY + 1_000 - 150, BaseY + 1_000 + 150);
        Assert.InRange(z, BaseZ - 150, BaseZ + 150);
    }

    [Fact]
    public void Disarming_stops_the_interrupt_and_clears_the_offsets()
    {
        var (bench, chip, driver) = Armed(3_000);
        Assert.True(driver.DisarmWake());
        bench.XNanotesla = BaseX + 50_000;
        chip.Sample();

        Assert.False(driver.WakePending);
        Assert.False(chip.InterruptLine);
        Assert.Equal(new byte[6], Read(chip, 0x45, 6));
    }

    [Fact]
    public void Without_a_wired_pin_the_driver_polls_INT_SOURCE_which_acknowledges_the_interrupt()
    {
        var bench = new ChipBench().WithField(BaseX, BaseY, BaseZ);
        var chip = new EmulatedLis2mdl(bench, seed: 1, bench);
        var driver = new Lis2mdlMagnetometer(new EdgeCity.HardwareSim.Adapters.I2cRegisterBus(chip), null);
        Assert.True(driver.Start());
        Assert.True(driver.ArmWake(BaseX, BaseY, BaseZ, 3_000));
        chip.Sample();
        Assert.False(driver.WakePending);

        bench.XNanotesla = BaseX + 6_000;
        chip.Sample();
        Assert.True(driver.WakePending);
        Assert.False(driver.WakePending); // the read released the latch
    }

    [Fact]
    public void Thresholds_out_of_the_chip_range_are_refused()
    {
        var (_, driver) = Started(new ChipBench());

        Assert.False(driver.ArmWake(0, 0, 0, 0));
        Assert.False(driver.ArmWake(0, 0, 0, 5_000_000));
        Assert.False(driver.ArmWake(5_000_000, 0, 0, 3_000));
    }
}
