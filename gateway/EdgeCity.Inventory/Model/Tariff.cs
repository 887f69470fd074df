namespace EdgeCity.Inventory;

/// <summary>
/// A parking tariff: <see cref="FreeMinutes"/> free, then <see cref="BaseFee"/> for the first
/// <see cref="BaseMinutes"/>, then <see cref="UnitFee"/> per started <see cref="UnitMinutes"/>, at most
/// <see cref="DailyMax"/> a day. Fees are whole units of <see cref="Currency"/> (won for KRW).
/// </summary>
public sealed record Tariff
{
    /// <summary>Tariff id, unique among tariffs.</summary>
    public required string Id { get; init; }

    /// <summary>ISO 4217 code of every fee; only "KRW" today.</summary>
    public required string Currency { get; init; }

    /// <summary>Grace period free of charge, in minutes (0 to 1440).</summary>
    public required int FreeMinutes { get; init; }

    /// <summary>Minutes covered by <see cref="BaseFee"/> (1 to 1440).</summary>
    public required int BaseMinutes { get; init; }

    /// <summary>Fee for the first <see cref="BaseMinutes"/>, in won.</summary>
    public required int BaseFee { get; init; }

    /// <summary>Length of each further charging unit, in minutes (1 to 1440).</summary>
    public required int UnitMinutes { get; init; }

    /// <summary>Fee per started unit, in won.</summary>
    public required int UnitFee { get; init; }

    /// <summary>Most charged for one day, in won; at least <see cref="BaseFee"/>.</summary>
    public required int DailyMax { get; init; }
}
