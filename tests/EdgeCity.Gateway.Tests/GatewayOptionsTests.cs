using EdgeCity.Gateway.Hosting;
using EdgeCity.Testing;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Tests;

public class GatewayOptionsTests
{
    [Fact]
    public async Task A_bad_configuration_stops_the_start_with_each_setting_named()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayUnderTest.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Gateway:MqttPort"] = "70000",
            ["Gateway:MqttBindAddress"] = "localhost-ish",
            ["Gateway:InventoryPath"] = "/nonexistent/boards.json",
        }));

        Assert.Contains("Gateway:MqttPort: expected a TCP port 1–65535, got 70000", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:MqttBindAddress: expected an IP address", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:InventoryPath: file '/nonexistent/boards.json' does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_where_boards_json_exists()
    {
        var options = new GatewayOptions { InventoryPath = RepositoryFiles.BoardsJson };
        Assert.True(new GatewayOptionsValidator().Validate(null, options).Succeeded);
    }
}
