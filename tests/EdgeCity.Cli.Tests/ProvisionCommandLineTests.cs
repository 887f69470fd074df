using System.Text.Json;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Storage;

namespace EdgeCity.Cli.Tests;

public class ProvisionCommandLineTests
{
    private const string Bay = "pk-seomyeon1-a013";

    [Fact]
    public async Task A_provisioned_board_is_flashed_with_its_secret_and_the_gateway_verifies_it_from_a_hash()
    {
        using var folder = new TemporaryFolder("provision");
        string data = folder.File("data"), credentials = folder.File("credentials"), output = folder.File("out");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("provision", Bay, "--data", data, "--credentials", credentials);
        Assert.True(exit == 0, stderr);
        string[] first = stdout.Split('\n')[0].Split(' ');
        Assert.Equal(Bay, first[0]);
        string secret = first[1];

        (exit, _, stderr) = await CliProcess.RunAsync(
            "flash", Bay, "--port", "/dev/ttyUSB0", "--dry-run", "--gateway-host", "10.20.0.2", "--wifi-ssid", "edgecity-busan",
            "--wifi-password", "x", "--credentials", credentials, "--output", output);
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("no MQTT secret", stderr, StringComparison.Ordinal);
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "edgecity.json")));
        Assert.Equal(secret, config.RootElement.GetProperty("mqttSecret").GetString());

        // The site's signing key was created on the first provision; flash wrote the board's own key, derived from it,
        // and the firmware's reader takes it (config push signs with the same derivation).
        Assert.Contains("created the site's configuration-signing key", stdout, StringComparison.Ordinal);
        string boardKey = EdgeCity.Cli.Configuration.SiteSigningKey.TryLoad(credentials)!.BoardKeyHex(Bay);
        Assert.Equal(boardKey, config.RootElement.GetProperty("configKey").GetString());
        Assert.NotEqual(EdgeCity.Cli.Configuration.SiteSigningKey.TryLoad(credentials)!.BoardKeyHex("pk-seomyeon1-a014"), boardKey);
        byte[] flashed = await File.ReadAllBytesAsync(Path.Combine(output, "edgecity.json"));
        Assert.Equal(boardKey, EdgeCity.Firmware.Configuration.BoardConfigurationReader.Read(flashed, flashed.Length).ConfigKey);

        try
        {
            using var database = new GatewayDatabase(data);
            Assert.True(new BoardCredentialStore(database).Verify(Bay, secret));
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(database.FilePath), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task An_existing_identity_is_replaced_only_with_rotate()
    {
        using var folder = new TemporaryFolder("provision");
        string data = folder.File("data"), credentials = folder.File("credentials");
        var (exit, stdout, _) = await CliProcess.RunAsync("provision", Bay, "--data", data, "--credentials", credentials);
        Assert.Equal(0, exit);
        string secret = stdout.Split('\n')[0].Split(' ')[1];

        var (again, _, refusal) = await CliProcess.RunAsync("provision", Bay, "--data", data, "--credentials", credentials);
        Assert.Equal(4, again);
        Assert.Contains($"'{Bay}' already has an identity", refusal, StringComparison.Ordinal);
        Assert.Contains("--rotate", refusal, StringComparison.Ordinal);

        var (rotated, rotatedOut, stderr) = await CliProcess.RunAsync("provision", Bay, "--rotate", "--data", data, "--credentials", credentials);
        Assert.True(rotated == 0, stderr);
        string newSecret = rotatedOut.Split('\n')[0].Split(' ')[1];
        Assert.NotEqual(secret, newSecret);
        Assert.Equal(newSecret, (await File.ReadAllTextAsync(Path.Combine(credentials, Bay + ".secret"))).Trim());
        try
        {
            using var database = new GatewayDatabase(data);
            var store = new BoardCredentialStore(database);
            Assert.False(store.Verify(Bay, secret));
            Assert.True(store.Verify(Bay, newSecret));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
