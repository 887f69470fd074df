using System.CommandLine;
using EdgeCity.Cli.Boards;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Storage;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Provisioning;

/// <summary>
/// <c>./edgecity provision ID [--rotate] [--certificate] [--data DIR] [--credentials DIR]</c>: creates one board's MQTT
/// identity in the gateway's credential store (<see cref="BoardCredentialStore"/>, which keeps only a salted hash),
/// prints the secret once and leaves it in the credentials folder for <c>./edgecity flash</c>; with
/// <c>--certificate</c> also a TLS client certificate signed by the site CA (<see cref="BoardCertificateFiles"/>).
/// Refuses to replace an existing identity without <c>--rotate</c>.
/// </summary>
public static class ProvisionCommand
{
    /// <summary>Exit code: the board already has an identity and --rotate was not given.</summary>
    public const int AlreadyProvisioned = 4;

    /// <summary>Creates the <c>provision</c> command.</summary>
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The board (a bay, shelter or camera id of boards.json)" };
        var rotate = new Option<bool>("--rotate") { Description = "Replace an existing identity (the old secret stops working)" };
        var data = new Option<string>("--data") { Description = "The gateway's data folder (Gateway:DataDirectory)", DefaultValueFactory = _ => "data" };
        var inventory = new Option<string>("--inventory") { Description = "The inventory", DefaultValueFactory = _ => "boards.json" };
        var credentials = new Option<string>("--credentials") { Description = "Folder the secret is left in for flash", DefaultValueFactory = _ => BoardSecretFile.DefaultDirectory };
        var certificate = new Option<bool>("--certificate") { Description = "Also issue a TLS client certificate signed by the site CA (created in the credentials folder on first use)" };
        var command = new Command("provision", "Create a board's MQTT identity (the gateway stores only a hash), optionally a TLS client certificate; refuses to overwrite without --rotate")
        {
            id, rotate, certificate, data, inventory, credentials,
        };
        command.SetAction(parse => Run(
            parse.GetValue(id)!, parse.GetValue(rotate), parse.GetValue(data)!, parse.GetValue(inventory)!, parse.GetValue(credentials)!, Console.Out, Console.Error,
            parse.GetValue(certificate)));
        return command;
    }

    /// <summary>Provisions <paramref name="boardId"/>.</summary>
    /// <returns>0; 1 for an unknown board; 2 for a bad inventory; <see cref="AlreadyProvisioned"/>.</returns>
    public static int Run(string boardId, bool rotate, string dataDirectory, string inventoryPath, string credentialsDirectory, TextWriter stdout, TextWriter stderr,
        bool withCertificate = false)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (InventoryArgument.TryLoad(inventoryPath, stderr) is not { } inventory)
        {
            return InventoryArgument.BadInventory;
        }

        if (!inventory.AllBoardIds.Contains(boardId, StringComparer.Ordinal))
        {
            stderr.WriteLine($"provision: '{boardId}' is not a board of {inventoryPath} (expected a bay, shelter or camera id)");
            return 1;
        }

        bool keyCreated;
        try
        {
            (_, keyCreated) = Configuration.SiteSigningKey.LoadOrCreate(credentialsDirectory);
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine("provision: " + e.Message);
            return 1;
        }

        using var database = new GatewayDatabase(dataDirectory);
        var store = new BoardCredentialStore(database);
        if (!rotate && store.ProvisionedBoards().Contains(boardId, StringComparer.Ordinal))
        {
            stderr.WriteLine($"provision: '{boardId}' already has an identity in {dataDirectory}; replacing it cuts the board off until it is flashed again (expected --rotate to do that on purpose)");
            return AlreadyProvisioned;
        }

        string secret = store.Provision(boardId, TimeProvider.System);
        string file = BoardSecretFile.Write(credentialsDirectory, boardId, secret);
        stdout.WriteLine($"{boardId} {secret}");
        stdout.WriteLine($"provision: {(rotate ? "rotated" : "created")} the MQTT identity of {boardId}; the secret is shown only this once and left in {file} for ./edgecity flash {boardId}");
        if (withCertificate)
        {
            using var issued = BoardCertificateFiles.Issue(credentialsDirectory, boardId, "EdgeCity " + inventory.GatewayIdOf(boardId), out bool caCreated);
            if (caCreated)
            {
                stdout.WriteLine($"provision: created the site CA {BoardCertificateFiles.CaCertificatePath(credentialsDirectory)} (its key {BoardCertificateFiles.CaKeyPath(credentialsDirectory)} stays here); give the gateway the .crt as Gateway:Tls:ClientCaPath");
            }

            stdout.WriteLine($"provision: issued the TLS client certificate of {boardId} ({issued.Subject}, valid until {issued.NotAfter:yyyy-MM-dd}, serial {issued.SerialNumber}) in {BoardCertificateFiles.CertificatePath(credentialsDirectory, boardId)}; flash deploys it");
        }

        if (keyCreated)
        {
            stdout.WriteLine($"provision: created the site's configuration-signing key {Configuration.SiteSigningKey.PathIn(credentialsDirectory)}; flash derives each board's key from it and config push signs with it: keep it with the secrets, never in boards.json");
        }

        return 0;
    }
}
