using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Tests.Boundaries;

namespace EdgeCity.Firmware.Tests;

public class BootLoopGuardTests
{
    private const int Limit = 5;
    private const int StableAfterSeconds = 60;

    [Fact]
    public void Five_quick_resets_in_a_row_end_in_safe_mode_with_a_boot_loop_fault()
    {
        var memory = new RamMemory();
        for (int boot = 1; boot < Limit; boot++)
        {
            var guard = new BootLoopGuard(memory, Limit, StableAfterSeconds);
            Assert.False(guard.OnBoot());
            guard.OnUptime(StableAfterSeconds - 1); // crashes before it is stable
        }

        var looping = new BootLoopGuard(memory, Limit, StableAfterSeconds);
        Assert.True(looping.OnBoot());
        Assert.Equal("boot-loop:5", looping.FaultCode);
    }

    [Fact]
    public void A_board_that_runs_long_enough_starts_counting_afresh()
    {
        var memory = new RamMemory();
        for (int boot = 1; boot < Limit - 1; boot++)
        {
            new BootLoopGuard(memory, Limit, StableAfterSeconds).OnBoot();
        }

        var stable = new BootLoopGuard(memory, Limit, StableAfterSeconds);
        Assert.False(stable.OnBoot());
        stable.OnUptime(StableAfterSeconds);
        Assert.Equal(0, stable.QuickResets);

        var next = new BootLoopGuard(memory, Limit, StableAfterSeconds);
        Assert.False(next.OnBoot());
        Assert.Equal(1, next.QuickResets);
    }

    [Fact]
    public void Safe_mode_survives_resets_and_uptime_until_a_good_configuration_arrives()
    {
        var memory = new RamMemory();
        for (int boot = 1; boot <= Limit; boot++)
        {
            new BootLoopGuard(memory, Limit, StableAfterSeconds).OnBoot();
        }

        var safe = new BootLoopGuard(memory, Limit, StableAfterSeconds);
        Assert.True(safe.OnBoot());
        safe.OnUptime(10 * StableAfterSeconds);
        Assert.True(safe.InSafeMode);
        Assert.True(new BootLoopGuard(memory, Limit, StableAfterSeconds).OnBoot());

        var repaired = new BootLoopGuard(memory, Limit, StableAfterSeconds);
        repaired.OnBoot();
        repaired.AcceptGoodConfiguration();
        Assert.False(repaired.InSafeMode);
        Assert.Equal("", repaired.FaultCode);
        Assert.False(new BootLoopGuard(memory, Limit, StableAfterSeconds).OnBoot());
    }

    [Fact]
    public void Blank_memory_counts_as_the_first_boot_and_the_count_is_written_at_most_twice_a_boot()
    {
        var memory = new RamMemory();
        var guard = new BootLoopGuard(memory, Limit, StableAfterSeconds);
        Assert.False(guard.OnBoot());
        Assert.Equal(1, guard.QuickResets);
        for (int second = 0; second < 10 * StableAfterSeconds; second++)
        {
            guard.OnUptime(second);
        }

        Assert.Equal(2, memory.Writes);
    }
}
