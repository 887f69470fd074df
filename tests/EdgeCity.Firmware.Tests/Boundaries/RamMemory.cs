using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>Non-volatile memory for unit tests; survives "resets" (new program objects) within a test.</summary>
internal sealed class RamMemory : INonVolatileMemory
{
    private readonly byte[] _stored = new byte[8192]; // the largest record, the pushed configurations, is 4 KB
    private int _length = -1;

    public int Writes { get; private set; }

    public bool TryLoad(byte[] buffer, int length)
    {
        if (_length < length)
        {
            return false;
        }

        Array.Copy(_stored, buffer, length);
        return true;
    }

    public bool Save(byte[] buffer, int length)
    {
        Array.Copy(buffer, _stored, length);
        _length = length;
        Writes++;
        return true;
    }
}
