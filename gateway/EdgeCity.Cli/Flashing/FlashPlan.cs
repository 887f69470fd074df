using System.Text.Json;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Flashing;

/// <summary>
/// Everything nanoff needs to turn a blank ESP32 into board ID: the files written to the output folder (the board's
/// configuration, the file deployment listing it, the network deployment with Wi-Fi and the CA certificate) and the
/// nanoff runs, in order: runtime, application (verified), files, network.
/// </summary>
/// <param name="OutputDirectory">Where the files were written (absolute).</param>
/// <param name="Steps">The nanoff runs, in order.</param>
/// <param name="HasCredentials">True when the board's provisioned MQTT secret went into its configuration.</param>
public sealed record FlashPlan(string OutputDirectory, IReadOnlyList<NanoffStep> Steps, bool HasCredentials)
{
    /// <summary>The nanoFramework target of EdgeCity's boards (ESP32-WROVER class, chip revision 3).</summary>
    public const string Target = "ESP32_REV3";

    /// <summary>File name of the board configuration in the output folder.</summary>
    public const string ConfigurationFileName = "edgecity.json";

    /// <summary>File name of the nanoff --filedeployment file.</summary>
    public const string FileDeploymentFileName = "file-deployment.json";

    /// <summary>File name of the nanoff --networkdeployment file.</summary>
    public const string NetworkDeploymentFileName = "network-deployment.json";

    /// <summary>The board's TLS client certificate and key (PEM), when it was provisioned with one; owner-only.</summary>
    public const string DeviceCertificateFileName = "device-certificate.pem";

    private static readonly JsonSerializerOptions DeploymentJson = new() { WriteIndented = true };

    /// <summary>Checks the request against the inventory and secrets, writes the files and returns the plan.</summary>
    /// <exception cref="FlashException">Something needed is missing; the message names it and where to supply it.</exception>
    public static FlashPlan Create(FlashRequest request, BoardInventory inventory, SiteSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(secrets);
        string id = request.BoardId;
        string firmware = inventory.FindBay(id)?.Firmware ?? (inventory.FindShelter(id) is not null ? "shelter-bit"
            : throw new FlashException(inventory.FindCamera(id) is not null
                ? $"'{id}' is a camera; cameras are not nanoFramework boards (expected a bay or shelter id)"
                : $"'{id}' is not a board of {request.InventoryPath} (expected a bay or shelter id)"));

        string gatewayId = inventory.GatewayIdOf(id)!;
        string host = request.GatewayHost ?? (secrets.GatewayHosts.TryGetValue(gatewayId, out string? h) ? h
            : throw new FlashException($"{request.SecretsPath}: gatewayHosts.{gatewayId}: no address for gateway '{gatewayId}' (expected \"gatewayHosts\": {{\"{gatewayId}\": \"HOST\"}} there, or --gateway-host HOST)"));
        string? ssid = request.WifiSsid ?? secrets.WifiSsid;
        string? apn = request.Apn ?? secrets.Apn;
        if (ssid is null && apn is null)
        {
            throw new FlashException($"{request.SecretsPath}: wifiSsid: no network for the board (expected wifiSsid and wifiPassword, or apn, there; or --wifi-ssid/--wifi-password or --apn)");
        }

        // The site CA signed the gateway's server certificate as well as the boards': the board trusts it by default.
        string? siteCa = File.Exists(Provisioning.BoardCertificateFiles.CaCertificatePath(request.CredentialsDirectory))
            ? Provisioning.BoardCertificateFiles.CaCertificatePath(request.CredentialsDirectory)
            : null;
        string? ca = request.CaCertificate ?? secrets.CaCertificate ?? siteCa;
        if (ca is not null && !File.Exists(ca))
        {
            throw new FlashException($"{ca}: CA certificate not found (expected the site CA's PEM file; caCertificate in {request.SecretsPath} or --ca-cert)");
        }

        string image = Path.GetFullPath(request.ImagePath ?? Path.Combine("firmware", "images", firmware + ".bin"));
        if (!request.DryRun && !File.Exists(image))
        {
            throw new FlashException($"{image}: application image not found (expected the {firmware} image built by the nanoFramework tooling; pass --image FILE)");
        }

        if (request.FirmwareArchive is { } archiveDirectory && !Directory.Exists(archiveDirectory))
        {
            throw new FlashException($"{archiveDirectory}: firmware archive folder not found (expected a folder nanoff downloaded firmware packages into, for --firmware-archive)");
        }

        string output = Path.GetFullPath(request.OutputDirectory ?? Path.Combine(".artifacts", "flash", id));
        Directory.CreateDirectory(output);
        string config = Path.Combine(output, ConfigurationFileName);
        string? mqttSecret = Provisioning.BoardSecretFile.TryRead(request.CredentialsDirectory, id);
        string? configKey = SiteKeyOf(request)?.BoardKeyHex(id);
        File.WriteAllBytes(config, BoardConfigurationFile.Render(inventory, id, host, ssid is null ? apn : null, mqttSecret, configKey));
        OwnerOnly(config);

        string files = Path.Combine(output, FileDeploymentFileName);
        WriteJson(files, new Dictionary<string, object>
        {
            ["SerialPort"] = request.Port,
            ["Files"] = new[] { new Dictionary<string, string> { ["DestinationFilePath"] = BoardConfigurationFile.DevicePath, ["SourceFilePath"] = config } },
        });

        string network = Path.Combine(output, NetworkDeploymentFileName);
        var networkJson = new Dictionary<string, object> { ["SerialPort"] = request.Port };
        if (ssid is not null)
        {
            networkJson["WirelessClient"] = new Dictionary<string, object>
            {
                ["Ssid"] = ssid,
                ["Password"] = request.WifiPassword ?? secrets.WifiPassword ?? "",
                ["Authentication"] = "WPA2",
                ["Encryption"] = "WPA2_PSK2",
                ["ConfigurationOption"] = "Enable",
                ["DhcpEnabled"] = true,
            };
        }

        if (ca is not null)
        {
            networkJson["CACertificatesPath"] = Path.GetFullPath(ca);
        }

        string? devicePem = Provisioning.BoardCertificateFiles.TryReadDevicePem(request.CredentialsDirectory, id);
        if (devicePem is not null)
        {
            // The board's client certificate and key, for the gateway's TLS listener (provision --certificate).
            string device = Path.Combine(output, DeviceCertificateFileName);
            File.WriteAllText(device, "");
            OwnerOnly(device);
            File.WriteAllText(device, devicePem);
            networkJson["DeviceCertificatesPath"] = device;
        }

        WriteJson(network, networkJson);

        string[] archive = request.FirmwareArchive is { } dir ? ["--fromarchive", "--archivepath", Path.GetFullPath(dir)] : [];
        string port = request.Port;
        NanoffStep[] steps =
        [
            new($"flash the nanoFramework runtime ({Target}{(archive.Length > 0 ? ", from the firmware archive" : "")})",
                ["--update", "--target", Target, "--serialport", port, .. archive]),
            new($"deploy and verify the {firmware} application", ["--deploy", "--image", image, "--serialport", port, "--verify"]),
            new($"deploy the board configuration to {BoardConfigurationFile.DevicePath}", ["--filedeployment", files, "--serialport", port]),
            new(ssid is not null ? $"deploy the network configuration (Wi-Fi '{ssid}'{(ca is not null ? ", CA certificate" : "")}{(devicePem is not null ? ", device certificate" : "")})"
                    : $"deploy the network configuration (CA certificate{(devicePem is not null ? ", device certificate" : "")}; APN in the board configuration)",
                ["--networkdeployment", network, "--serialport", port]),
        ];
        return new FlashPlan(output, steps, mqttSecret is not null);
    }

    private static void WriteJson(string path, object value)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(value, DeploymentJson));
        OwnerOnly(path);
    }

    // The files hold the Wi-Fi password and the board's MQTT secret: readable by the technician only.
    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static Configuration.SiteSigningKey? SiteKeyOf(FlashRequest request)
    {
        try
        {
            return Configuration.SiteSigningKey.TryLoad(request.CredentialsDirectory);
        }
        catch (InvalidDataException e)
        {
            throw new FlashException(e.Message);
        }
    }
}
