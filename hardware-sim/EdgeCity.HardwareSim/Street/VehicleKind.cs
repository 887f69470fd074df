namespace EdgeCity.HardwareSim.Street;

/// <summary>Classes of vehicle that park, with very different magnetic signatures.</summary>
public enum VehicleKind
{
    /// <summary>Little steel high above the ground: the weakest signature (2–6 µT at the sensor).</summary>
    Motorbike,

    /// <summary>Small hatchback.</summary>
    SmallCar,

    /// <summary>Sedan.</summary>
    Sedan,

    /// <summary>SUV: more steel, higher chassis.</summary>
    Suv,

    /// <summary>Van.</summary>
    Van,

    /// <summary>Light truck: lots of steel, high above the sensor.</summary>
    Truck,

    /// <summary>Electric car: less engine iron, a large battery pack low under the floor.</summary>
    ElectricCar,
}
