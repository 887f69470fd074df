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
}
