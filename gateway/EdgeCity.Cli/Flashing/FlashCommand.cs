using System.CommandLine;
using EdgeCity.Cli.Boards;

namespace EdgeCity.Cli.Flashing;

/// <summary>
/// <c>./edgecity flash ID --port PORT [--dry-run] [--firmware-archive DIR] …</c>: writes the files nanoff needs for
/// board ID and runs nanoff (runtime, application with --verify, configuration file, network), or with --dry-run
/// prints the exact nanoff command lines instead.
/// </summary>
public static class FlashCommand
{
    /// <summary>Exit code: the request cannot be carried out (unknown board, missing secret or image).</summary>
    public const int CannotFlash = 1;

    /// <summary>Exit code: nanoff is not installed.</summary>
    public const int NanoffMissing = 3;

    /// <summary>Creates the <c>flash</c> command.</summary>
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The board to flash (a bay or shelter id of boards.json)" };
        var port = new Option<string>("--port") { Description = "Serial port of the board, e.g. /dev/ttyUSB0", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the files and print the nanoff commands, but do not run them" };
        var archive = new Option<string?>("--firmware-archive") { Description = "Flash the runtime offline from this nanoff firmware archive folder" };
        var inventory = new Option<string>("--inventory") { Description = "The inventory", DefaultValueFactory = _ => "boards.json" };
        var secrets = new Option<string>("--secrets") { Description = "Site secrets: wifiSsid, wifiPassword, apn, caCertificate, gatewayHosts (never in boards.json)", DefaultValueFactory = _ => SiteSecrets.DefaultPath };
        var output = new Option<string?>("--output") { Description = "Folder for the generated files (default .artifacts/flash/ID)" };
        var image = new Option<string?>("--image") { Description = "Application image (default firmware/images/FIRMWARE.bin)" };
        var host = new Option<string?>("--gateway-host") { Description = "Address of the board's gateway (overrides gatewayHosts)" };
        var ssid = new Option<string?>("--wifi-ssid") { Description = "Wi-Fi network name (overrides wifiSsid)" };
        var password = new Option<string?>("--wifi-password") { Description = "Wi-Fi password (overrides wifiPassword)" };
        var apn = new Option<string?>("--apn") { Description = "Cellular APN (overrides apn)" };
        var ca = new Option<string?>("--ca-cert") { Description = "Site CA certificate, PEM (overrides caCertificate)" };
        var credentials = new Option<string>("--credentials") { Description = "Folder ./edgecity provision left the board's MQTT secret in", DefaultValueFactory = _ => Provisioning.BoardSecretFile.DefaultDirectory };
        var command = new Command("flash", "Flash a board from its boards.json entry with nanoff (runtime, application, configuration, network)")
        {
            id, port, dryRun, archive, inventory, secrets, output, image, host, ssid, password, apn, ca, credentials,
        };
        command.SetAction(parse => Run(
            new FlashRequest
            {
                BoardId = parse.GetValue(id)!,
                Port = parse.GetValue(port)!,
                DryRun = parse.GetValue(dryRun),
                FirmwareArchive = parse.GetValue(archive),
                InventoryPath = parse.GetValue(inventory)!,
                SecretsPath = parse.GetValue(secrets)!,
                OutputDirectory = parse.GetValue(output),
                ImagePath = parse.GetValue(image),
                GatewayHost = parse.GetValue(host),
                WifiSsid = parse.GetValue(ssid),
                WifiPassword = parse.GetValue(password),
                Apn = parse.GetValue(apn),
                CaCertificate = parse.GetValue(ca),
                CredentialsDirectory = parse.GetValue(credentials)!,
            },
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>Carries out <paramref name="request"/>.</summary>
    /// <returns>0 on success; <see cref="CannotFlash"/>, <see cref="NanoffMissing"/>, 2 for a bad inventory, or nanoff's exit code.</returns>
    public static int Run(FlashRequest request, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (InventoryArgument.TryLoad(request.InventoryPath, stderr) is not { } inventory)
        {
            return InventoryArgument.BadInventory;
        }

        string? nanoff = request.DryRun ? null : NanoffRunner.Locate();
        if (!request.DryRun && nanoff is null)
        {
            stderr.WriteLine($"flash: nanoff (the nanoFramework flasher) is not installed or not on PATH; install it with: {NanoffRunner.InstallCommand}");
            return NanoffMissing;
        }

        FlashPlan plan;
        try
        {
            plan = FlashPlan.Create(request, inventory, SiteSecrets.Load(request.SecretsPath));
        }
        catch (FlashException e)
        {
            stderr.WriteLine("flash: " + e.Message);
            return CannotFlash;
        }

        stdout.WriteLine($"flash: files for {request.BoardId} written to {plan.OutputDirectory}");
        if (!plan.HasCredentials)
        {
            stderr.WriteLine($"flash: warning: {request.BoardId} has no MQTT secret in {request.CredentialsDirectory}; the gateway will refuse it until you run ./edgecity provision {request.BoardId} and flash again");
        }

        if (!File.Exists(Configuration.SiteSigningKey.PathIn(request.CredentialsDirectory)))
        {
            stderr.WriteLine($"flash: warning: no site signing key in {request.CredentialsDirectory}; {request.BoardId} will refuse pushed configurations (./edgecity config push) until you run ./edgecity provision and flash again");
        }

        if (request.DryRun)
        {
            stdout.WriteLine("flash: dry run; these nanoff commands would run, in order:");
            foreach (NanoffStep step in plan.Steps)
            {
                stdout.WriteLine(step.CommandLine);
            }

            return 0;
        }

        return NanoffRunner.Run(nanoff!, plan.Steps, stdout, stderr);
    }
}
