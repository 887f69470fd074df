using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests;

public class ReconnectBackoffTests
{
    [Fact]
    public void Each_failure_waits_between_half_and_all_of_a_doubling_ceiling_up_to_the_maximum()
    {
        var backoff = new ReconnectBackoff(initialMs: 1000, maxMs: 16000, seed: 42);
        long now = 0;
        int ceiling = 1000;
        for (int attempt = 0; attempt < 10; attempt++)
        {
            backoff.OnFailure(now);
            long earliest = FirstAllowed(backoff, now);
            Assert.InRange(earliest - now, ceiling / 2, ceiling);
            now = earliest;
            ceiling = Math.Min(ceiling * 2, 16000);
        }
    }

    [Fact]
    public void Two_boards_with_different_seeds_do_not_retry_in_lockstep()
    {
        var a = new ReconnectBackoff(1000, 300000, seed: 1);
        var b = new ReconnectBackoff(1000, 300000, seed: 2);
        var differences = 0;
        long nowA = 0, nowB = 0;
        for (int i = 0; i < 8; i++)
        {
            a.OnFailure(nowA);
            b.OnFailure(nowB);
            nowA = FirstAllowed(a, nowA);
            nowB = FirstAllowed(b, nowB);
            differences += nowA != nowB ? 1 : 0;
        }

        Assert.True(differences >= 6, $"only {differences} of 8 retries differed");
    }

    [Fact]
    public void A_success_resets_the_delay_to_the_initial_one()
    {
        var backoff = new ReconnectBackoff(1000, 300000, seed: 7);
        for (int i = 0; i < 6; i++)
        {
            backoff.OnFailure(0);
        }

        backoff.OnSuccess();
        Assert.True(backoff.MayAttempt(0));
        backoff.OnFailure(0);
        Assert.InRange(FirstAllowed(backoff, 0), 500, 1000);
        Assert.Equal(1, backoff.Failures);
    }

    private static long FirstAllowed(ReconnectBackoff backoff, long from)
    {
        long t = from;
        while (!backoff.MayAttempt(t))
        {
            t += 1;
        }

        return t;
    }
}
