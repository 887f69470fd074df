namespace EdgeCity.Cli.Flashing;

/// <summary>What <c>./edgecity flash</c> was asked to do; options override the site secrets file.</summary>
public sealed class FlashRequest
{
    /// <summary>The board to flash (a bay or shelter id).</summary>
    public required string BoardId { get; init; }

    /// <summary>Serial port the board is on, e.g. /dev/ttyUSB0.</summary>
    public required string Port { get; init; }

    /// <summary>The inventory; boards.json by default.</summary>
    public string InventoryPath { get; init; } = "boards.json";

    /// <summary>The site secrets file (Wi-Fi, APN, CA certificate, gateway addresses); absent is fine.</summary>
    public string SecretsPath { get; init; } = SiteSecrets.DefaultPath;

    /// <summary>Folder the generated files go to; by default .artifacts/flash/ID.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The application image (.bin); by default firmware/images/FIRMWARE.bin.</summary>
    public string? ImagePath { get; init; }

    /// <summary>A folder of nanoff firmware packages for offline flashing (nanoff --fromarchive --archivepath).</summary>
    public string? FirmwareArchive { get; init; }

    /// <summary>Overrides the gateway's address from the secrets file.</summary>
    public string? GatewayHost { get; init; }

    /// <summary>Overrides the Wi-Fi network name.</summary>
    public string? WifiSsid { get; init; }

    /// <summary>Overrides the Wi-Fi password.</summary>
    public string? WifiPassword { get; init; }

    /// <summary>Overrides the cellular APN.</summary>
    public string? Apn { get; init; }

    /// <summary>Overrides the CA certificate path.</summary>
    public string? CaCertificate { get; init; }

    /// <summary>Folder <c>./edgecity provision</c> left the board's MQTT secret in.</summary>
    public string CredentialsDirectory { get; init; } = Provisioning.BoardSecretFile.DefaultDirectory;

    /// <summary>Print the commands and write the files, but do not run nanoff.</summary>
    public bool DryRun { get; init; }
}
