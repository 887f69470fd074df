using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Storage;
using EdgeCity.Inventory;
using EdgeCity.Testing;

namespace EdgeCity.Cli.Tests;

public class GatewayProvisionCommandLineTests
{
    [Fact]
    public async Task Provisioning_prints_each_secret_once_and_the_gateway_database_verifies_it_but_keeps_only_a_hash()
    {
        string bay = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[0].Id;
        string data = Path.Combine(Path.GetTempPath(), "edgecity-provision-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync("gateway", "provision", bay, "--data", data);
            Assert.True(exit == 0, stderr);
            string[] parts = stdout.Trim().Split(' ');
            Assert.Equal(bay, parts[0]);
            string secret = parts[1];
            Assert.True(secret.Length >= 32);

            using var database = new GatewayDatabase(data);
            var store = new BoardCredentialStore(database);
            Assert.True(store.Verify(bay, secret));
            Assert.False(store.Verify(bay, secret + "x"));
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(database.FilePath), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_board_that_is_not_in_the_inventory_is_not_provisioned()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("gateway", "provision", "pk-nowhere", "--data", Path.Combine(Path.GetTempPath(), "edgecity-unused-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(1, exit);
        Assert.Contains("'pk-nowhere' is not a board of boards.json", stderr, StringComparison.Ordinal);
    }
}
