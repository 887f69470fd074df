namespace EdgeCity.Cli.Configuration;

/// <summary>What <c>./edgecity config push</c> was asked to do.</summary>
public sealed class ConfigPushRequest
{
    /// <summary>Boards named one by one.</summary>
    public IReadOnlyList<string> BoardIds { get; init; } = [];

    /// <summary>Every bay of this lot, too.</summary>
    public string? Lot { get; init; }

    /// <summary>Every bay and shelter.</summary>
    public bool All { get; init; }

    /// <summary>The inventory.</summary>
    public string InventoryPath { get; init; } = "boards.json";

    /// <summary>Folder of the site signing key.</summary>
    public string CredentialsDirectory { get; init; } = Provisioning.BoardSecretFile.DefaultDirectory;

    /// <summary>The site secrets file (gatewayHosts).</summary>
    public string SecretsPath { get; init; } = Flashing.SiteSecrets.DefaultPath;

    /// <summary>The gateway API's base URL for every board, overriding gatewayHosts.</summary>
    public string? GatewayUrl { get; init; }

    /// <summary>The version to give every board, instead of one above what the gateway holds (after a gateway lost its database).</summary>
    public int? Version { get; init; }

    /// <summary>The gateway address written into the configuration, overriding gatewayHosts.</summary>
    public string? GatewayHost { get; init; }

    /// <summary>The API token for every gateway, overriding EDGECITY_API_TOKEN and gatewayApiTokens.</summary>
    public string? ApiToken { get; init; }
}
