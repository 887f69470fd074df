namespace EdgeCity.HardwareSim.Boards;

/// <summary>Which magnetometer a simulated parking board carries (boards.json's sensor model).</summary>
public enum ParkingMagnetometerModel
{
    /// <summary>Honeywell HMC5883L, read by the .NET IoT driver; no interrupt: the ULP coprocessor watches it.</summary>
    Hmc5883l,

    /// <summary>QST QMC5883L, read by the firmware's own driver; no interrupt: the ULP coprocessor watches it.</summary>
    Qmc5883l,

    /// <summary>ST LIS2MDL, read by the firmware's own driver; its threshold interrupt wakes the processor.</summary>
    Lis2mdl,
}
