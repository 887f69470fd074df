using System.Device.I2c;
using EdgeCity.Firmware.Hardware;
using IotVl53L0X = Iot.Device.Vl53L0X.Vl53L0X;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// The firmware's <see cref="IDistanceSensor"/> over the real .NET IoT VL53L0X driver, one single-shot ranging per
/// read in the driver's long-range profile. A bus fault is a failed read, never "no target": the driver's own
/// <c>GetDistanceOnce</c> turns exceptions into 8190 mm, so it is not used.
/// </summary>
public sealed class Vl53l0xDistanceSensor : IDistanceSensor, IDisposable
{
    /// <summary>The reading for "no target in range", mm (as the chip reports it).</summary>
    public const int NoTargetMillimetres = 8190;

    private readonly IotVl53L0X _driver;

    /// <summary>
    /// Resets, initialises and calibrates the sensor on <paramref name="device"/> (the driver sleeps about 40 ms of
    /// real time doing so). Throws <see cref="IOException"/> when the sensor does not answer.
    /// </summary>
    /// <param name="device">The sensor (address 0x29); the adapter owns it from here on.</param>
    public Vl53l0xDistanceSensor(I2cDevice device)
    {
        _driver = new IotVl53L0X(device, 500, true); // 500 ms ranging timeout; the driver disposes the device
    }

    /// <summary>Bus errors and ranging timeouts since start.</summary>
    public long BusErrors { get; private set; }

    /// <inheritdoc />
    public bool TryReadDistance(out int millimetres)
    {
        millimetres = 0;
        ushort range;
        try
        {
            range = _driver.DistanceSingleMeasurement;
        }
        catch (IOException)
        {
            BusErrors++; // a NACK, or the ranging never completed
            return false;
        }

        millimetres = range >= NoTargetMillimetres ? NoTargetMillimetres : range;
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _driver.Dispose();
}
