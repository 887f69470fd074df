using System.Device.I2c;
using EdgeCity.Firmware.Hardware;
using Iot.Device.Ads1115;
using IotAds1115 = Iot.Device.Ads1115.Ads1115;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// The firmware's <see cref="IBatteryGauge"/> over the real .NET IoT ADS1115 driver: single-shot conversions of
/// AIN0 (the battery through the board's divider) at ±2.048 V and 128 SPS, scaled back by the divider ratio.
/// Resolution 62.5 µV at the pin, 125 µV at the cell with the 1:2 divider.
/// </summary>
public sealed class Ads1115BatteryGauge : IBatteryGauge, IDisposable
{
    private readonly IotAds1115 _driver;
    private readonly double _dividerRatio;

    /// <summary>Starts the driver on <paramref name="device"/>; throws <see cref="IOException"/> if the ADC does not answer.</summary>
    /// <param name="device">The ADC (address 0x48); the gauge owns it from here on.</param>
    /// <param name="dividerRatio">Cell volts per AIN0 volt (2 for two equal resistors).</param>
    public Ads1115BatteryGauge(I2cDevice device, double dividerRatio = 2.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dividerRatio, 1.0);
        _dividerRatio = dividerRatio;

        // Single-shot ("power-down") mode: the ADC sleeps between the board's rare reads (datasheet: 0.5 µA).
        _driver = new IotAds1115(device, InputMultiplexer.AIN0, MeasuringRange.FS2048, DataRate.SPS128, DeviceMode.PowerDown);
    }

    /// <summary>Bus errors seen since start (a failing gauge is reported, never read as 0 mV).</summary>
    public long BusErrors { get; private set; }

    /// <inheritdoc />
    public bool TryReadBattery(out int millivolts)
    {
        millivolts = 0;
        short raw;
        try
        {
            raw = _driver.ReadRaw();
        }
        catch (IOException)
        {
            BusErrors++;
            return false;
        }
        catch (TimeoutException)
        {
            BusErrors++; // the conversion never completed (OS bit stuck at 0)
            return false;
        }

        if (raw == short.MaxValue)
        {
            return false; // clipped at +FS: the cell is beyond 4.096 V, the reading says nothing
        }

        millivolts = (int)Math.Round(_driver.RawToVoltage(raw).Volts * _dividerRatio * 1000.0);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _driver.Dispose(); // writes the comparator defaults back to the chip
        }
        catch (IOException)
        {
            // A chip that no longer answers cannot be reset; disposing must not throw.
        }
    }
}
