using System.Device.I2c;
using EdgeCity.Firmware.Hardware;
using Iot.Device.Bh1750fvi;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>The host adapter from the firmware's <see cref="ILightSensor"/> to the real .NET IoT BH1750FVI driver.</summary>
public sealed class Bh1750LightSensor : ILightSensor, IDisposable
{
    private readonly Bh1750fvi _driver;

    /// <summary>Starts the driver on <paramref name="device"/> in continuous high-resolution mode.</summary>
    public Bh1750LightSensor(I2cDevice device) => _driver = new Bh1750fvi(device, MeasuringMode.ContinuouslyHighResolutionMode);

    /// <summary>Bus errors since start.</summary>
    public long BusErrors { get; private set; }

    /// <inheritdoc />
    public bool TryReadIlluminance(out int lux)
    {
        try
        {
            lux = (int)Math.Round(_driver.Illuminance.Lux);
            return true;
        }
        catch (IOException)
        {
            BusErrors++;
            lux = 0;
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _driver.Dispose();
}
