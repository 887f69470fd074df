using System.Globalization;

namespace EdgeCity.Gateway.Hosting;

/// <summary>Builds the gateway application; used by Program.cs, the CLI's demo and the tests alike.</summary>
public static class GatewayHost
{
    /// <summary>
    /// Creates the gateway with configuration from appsettings.json, environment, <paramref name="args"/>,
    /// then <paramref name="overrides"/> (keys such as <c>Gateway:MqttPort</c>, <c>Urls</c>).
    /// </summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddEdgeCityGateway();
        WebApplication app = builder.Build();
        app.MapEdgeCityGateway();
        return app;
    }

    /// <summary>
    /// Configuration for a gateway that serves only this machine (demo, bench, tests): broker and API on
    /// 127.0.0.1, boards of the inventory let in without provisioned credentials (loopback only), no upstream,
    /// and only warnings logged, so the caller's own output stays readable.
    /// </summary>
    public static Dictionary<string, string?> LoopbackSettings(int httpPort, int mqttPort, string dataDirectory, string inventoryPath) => new()
    {
        ["Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}"),
        ["Gateway:DataDirectory"] = dataDirectory,
        ["Gateway:InventoryPath"] = inventoryPath,
        ["Gateway:MqttBindAddress"] = "127.0.0.1",
        ["Gateway:MqttPort"] = mqttPort.ToString(CultureInfo.InvariantCulture),
        ["Gateway:Identity:AllowUnprovisionedOnLoopback"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    };
}
