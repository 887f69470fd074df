using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>The simulated board's non-volatile boot counter: survives simulated reboots of the same board object.</summary>
public sealed class InMemoryBootCounterStore : IBootCounterStore
{
    private int _bootCount;

    /// <summary>Starts from a stored count (0 for a board never booted).</summary>
    public InMemoryBootCounterStore(int storedBootCount = 0) => _bootCount = storedBootCount;

    /// <inheritdoc />
    public int IncrementBootCount() => ++_bootCount;
}
