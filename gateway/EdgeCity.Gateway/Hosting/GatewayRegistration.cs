using EdgeCity.Gateway.Api;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Parking;
using EdgeCity.Gateway.Storage;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Hosting;

/// <summary>Registers the gateway's features on a host and maps its HTTP endpoints.</summary>
public static class GatewayRegistration
{
    /// <summary>Adds options (validated at start), storage, ingest with the embedded broker, and the API.</summary>
    public static WebApplicationBuilder AddEdgeCityGateway(this WebApplicationBuilder builder)
    {
        builder.Host.UseSystemd();
        IServiceCollection services = builder.Services;
        services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new GatewayDatabase(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory));
        services.AddSingleton(sp => BayDirectoryLoader.Load(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.InventoryPath));
        services.AddSingleton<BoardEventStore>();
        services.AddSingleton<BayStateReader>();

        services.AddSingleton<IngestCounters>();
        services.AddSingleton<BoardMessageIngest>();
        services.AddSingleton<EmbeddedMqttBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);
        return builder;
    }

    /// <summary>Maps <c>/api/bays</c> and <c>/healthz</c>.</summary>
    public static WebApplication MapEdgeCityGateway(this WebApplication app)
    {
        app.MapBayEndpoints();
        app.MapHealthEndpoints();
        return app;
    }
}
