namespace EdgeCity.Inventory;

/// <summary>The deployment a boards.json describes.</summary>
public sealed record Site
{
    /// <summary>Site id: lowercase letters, digits and '-', 3 to 64 characters.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }
}
