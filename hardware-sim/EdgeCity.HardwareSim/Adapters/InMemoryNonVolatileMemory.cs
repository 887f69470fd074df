using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>The simulated board's flash record: survives simulated resets and brown-outs of the same board; counts writes (flash wear).</summary>
public sealed class InMemoryNonVolatileMemory : INonVolatileMemory
{
    private byte[]? _stored;

    /// <summary>Writes since creation.</summary>
    public long Writes { get; private set; }

    /// <inheritdoc />
    public bool TryLoad(byte[] buffer, int length)
    {
        if (_stored is null || _stored.Length < length)
        {
            return false;
        }

        Array.Copy(_stored, buffer, length);
        return true;
    }

    /// <inheritdoc />
    public bool Save(byte[] buffer, int length)
    {
        _stored = buffer.AsSpan(0, length).ToArray();
        Writes++;
        return true;
    }
}
