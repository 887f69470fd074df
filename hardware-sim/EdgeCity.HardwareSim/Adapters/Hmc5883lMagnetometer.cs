using System.Device.I2c;
using EdgeCity.Firmware.Hardware;
using Iot.Device.Hmc5883l;
using IotHmc5883l = Iot.Device.Hmc5883l.Hmc5883l;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// The host adapter from the firmware's <see cref="IMagnetometer"/> to the real .NET IoT HMC5883L driver.
/// The driver runs unchanged; beneath it is whatever <see cref="I2cDevice"/> it is handed (an emulated chip
/// in the simulator, a Linux I2C bus on a Raspberry Pi).
/// </summary>
public sealed class Hmc5883lMagnetometer : IMagnetometer, IDisposable
{
    // The driver's default gain (Gain1090): 1090 counts per gauss, 1 gauss = 100,000 nT.
    private const double NanoteslaPerCount = 100_000.0 / 1090.0;
    private const float OverflowCount = -4096;

    private readonly IotHmc5883l _driver;

    /// <summary>
    /// Initialises the driver on <paramref name="device"/> (continuous mode, 15 Hz, gain 1090) averaging
    /// <paramref name="samplesAveraged"/> conversions per output (CRA MA bits): the parking board uses 8, which
    /// brings the chip's ~200 nT noise per axis to ~70 nT, so an off-centre motorbike (150–900 nT) stands out.
    /// </summary>
    public Hmc5883lMagnetometer(I2cDevice device, SamplesAmount samplesAveraged = SamplesAmount.Eight)
    {
        _driver = new IotHmc5883l(device, samplesAmount: samplesAveraged);
    }

    /// <summary>Bus errors seen since start (a failing chip is reported, never read as zero).</summary>
    public long BusErrors { get; private set; }

    /// <inheritdoc />
    public bool TryReadField(out int xNanotesla, out int yNanotesla, out int zNanotesla)
    {
        xNanotesla = yNanotesla = zNanotesla = 0;
        System.Numerics.Vector3 counts;
        try
        {
            counts = _driver.DirectionVector;
        }
        catch (IOException)
        {
            BusErrors++;
            return false;
        }

        if (counts.X == OverflowCount || counts.Y == OverflowCount || counts.Z == OverflowCount)
        {
            return false;
        }

        xNanotesla = (int)Math.Round(counts.X * NanoteslaPerCount);
        yNanotesla = (int)Math.Round(counts.Y * NanoteslaPerCount);
        zNanotesla = (int)Math.Round(counts.Z * NanoteslaPerCount);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _driver.Dispose();
}
