using EdgeCity.Gateway.Api;
using EdgeCity.Gateway.Downlink;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Metrics;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Parking;
using EdgeCity.Gateway.Storage;
using EdgeCity.Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Hosting;

/// <summary>Registers the gateway's features on a host and maps its HTTP endpoints.</summary>
public static class GatewayRegistration
{
    /// <summary>
    /// Adds options (validated at start), storage, the outbox, identity, ingest with the embedded broker (or from
    /// an external one), upstream forwarding, and the API.
    /// </summary>
    public static WebApplicationBuilder AddEdgeCityGateway(this WebApplicationBuilder builder)
    {
        builder.Host.UseSystemd();
        IServiceCollection services = builder.Services;
        AddValidatedOptions<GatewayOptions, GatewayOptionsValidator>(builder, GatewayOptions.Section);
        AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(builder, OutboxOptions.Section);
        AddValidatedOptions<UpstreamOptions, UpstreamOptionsValidator>(builder, UpstreamOptions.Section);
        AddValidatedOptions<ExternalBrokerOptions, ExternalBrokerOptionsValidator>(builder, ExternalBrokerOptions.Section);
        services.AddOptions<IdentityOptions>().Bind(builder.Configuration.GetSection(IdentityOptions.Section));
        services.AddOptions<ApiAccessOptions>().Bind(builder.Configuration.GetSection(ApiAccessOptions.Section));
        AddValidatedOptions<BoardTlsOptions, BoardTlsOptionsValidator>(builder, BoardTlsOptions.Section);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new GatewayDatabase(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory));
        services.AddSingleton(sp => BayDirectoryLoader.Load(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.InventoryPath));
        services.AddSingleton<BayStateReader>();
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());

        // Hosted services stop in reverse order: ingest stops accepting first, then the writer drains.
        services.AddSingleton<OutboxCounters>();
        services.AddSingleton<DeliveryStages>();
        services.AddSingleton<OutboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWriter>());

        services.AddSingleton<IdentityCounters>();
        services.AddSingleton<BoardCredentialStore>();
        services.AddSingleton<BoardAuthenticator>();
        services.AddSingleton<BoardCertificateValidator>();
        services.AddSingleton<ApiTokenStore>();

        services.AddSingleton<IngestCounters>();
        services.AddSingleton<BoardMessageIngest>();
        services.AddSingleton<EmbeddedMqttBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        services.AddSingleton<ExternalBrokerIngest>();
        services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerIngest>());
        services.AddSingleton<IBoardBroker>(sp => sp.GetRequiredService<IOptions<ExternalBrokerOptions>>().Value.Enabled
            ? sp.GetRequiredService<ExternalBrokerIngest>()
            : sp.GetRequiredService<EmbeddedMqttBroker>());

        // After the brokers: publishing the stored downlink again needs the broker started.
        services.AddSingleton<DownlinkStore>();
        services.AddSingleton<BoardDownlink>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardDownlink>());
        services.AddSingleton<EdgeCity.Gateway.Fleet.FleetStatusReader>();
        services.AddHostedService<ShelterServiceHoursPublisher>();

        services.AddSingleton<UpstreamCounters>();
        services.AddSingleton<IUpstreamForwarder>(sp => sp.GetRequiredService<IOptions<UpstreamOptions>>().Value.Kind == UpstreamKind.NgsiLdHttp
            ? new NgsiLdHttpForwarder(sp.GetRequiredService<IOptions<UpstreamOptions>>())
            : new MqttUpstreamForwarder(sp.GetRequiredService<IOptions<UpstreamOptions>>()));
        services.AddSingleton<UpstreamPump>();
        services.AddHostedService(sp => sp.GetRequiredService<UpstreamPump>());

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);
        return builder;
    }

    /// <summary>Guards <c>/api/…</c> with API tokens and maps the API, <c>/healthz</c> and <c>/metrics</c>.</summary>
    public static WebApplication MapEdgeCityGateway(this WebApplication app)
    {
        app.UseMiddleware<ApiAccessMiddleware>();
        app.MapBayEndpoints();
        app.MapDownlinkEndpoints();
        app.MapFleetEndpoints();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoints();
        return app;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(WebApplicationBuilder builder, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        builder.Services.AddOptions<TOptions>().Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
