namespace EdgeCity.HardwareSim.Power;

/// <summary>
/// A bobbin-type Li-SOCl2 D cell (Saft LS 33600 class: 17 Ah nominal, 3.6 V; EdgeCity's 19 Ah is the
/// Tadiran TL-5930 class): a flat 3.6 V plateau that drops only near the end, a voltage sag under radio pulses
/// that grows as the cell ages and as it gets cold, and ~1 %/year self-discharge.
/// </summary>
public sealed class LithiumThionylChlorideCell(double capacityAmpHours = 19)
{
    /// <summary>Capacity usable by the board before the loaded voltage falls below its brown-out level (~85 %).</summary>
    public double UsableAmpHours => capacityAmpHours * 0.85;

    /// <summary>Self-discharge, fraction of capacity per year.</summary>
    public double SelfDischargePerYear => 0.01;

    /// <summary>Fraction of charge used so far (0–1).</summary>
    public double DepthOfDischarge { get; set; }

    /// <summary>Years the cell powers a board drawing <paramref name="averageMicroamps"/> on average.</summary>
    public double Years(double averageMicroamps)
    {
        double usedPerYear = (averageMicroamps * 1e-6 * 24 * 365) + (capacityAmpHours * SelfDischargePerYear);
        return UsableAmpHours / usedPerYear;
    }

    /// <summary>
    /// Terminal voltage (V) while drawing <paramref name="loadMilliamps"/> at <paramref name="temperatureC"/>:
    /// 3.65 V open circuit on the plateau, falling off past 85 % discharge; internal resistance rising from
    /// ~2 Ω fresh towards 15 Ω at end of life and doubling at −20 °C (passivation).
    /// </summary>
    public double TerminalVolts(double loadMilliamps, double temperatureC)
    {
        double open = DepthOfDischarge < 0.85 ? 3.65 - (0.1 * DepthOfDischarge) : 3.565 - ((DepthOfDischarge - 0.85) * 8);
        double resistance = (2 + (13 * DepthOfDischarge * DepthOfDischarge)) * (temperatureC < 0 ? 1 + (-temperatureC / 20) : 1);
        return Math.Max(0, open - (loadMilliamps / 1000 * resistance));
    }
}
