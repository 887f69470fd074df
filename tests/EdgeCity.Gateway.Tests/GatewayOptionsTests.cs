using EdgeCity.Gateway.Hosting;
using EdgeCity.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
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

    [Fact]
    public async Task A_full_log_queue_drops_lines_rather_than_holding_up_the_boards_acknowledgements()
    {
        // PUBACKs go out from the acknowledger thread, which also logs each applied message: with the console
        // logger's default (wait when its queue is full) a slow journal would stall every board.
        await using var gateway = await GatewayUnderTest.StartAsync();
        var console = gateway.App.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleLoggerQueueFullMode.DropWrite, console.QueueFullMode);
    }
}
