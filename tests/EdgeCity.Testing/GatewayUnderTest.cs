using System.Net.Http.Json;
using EdgeCity.Gateway.Hosting;
using EdgeCity.Gateway.Parking;
using EdgeCity.HardwareSim.Radio;
using Microsoft.AspNetCore.Builder;

namespace EdgeCity.Testing;

/// <summary>
/// A real gateway for a test: embedded MQTT broker and HTTP API on free loopback ports, SQLite in a fresh
/// temporary folder (deleted on dispose), the inventory given (the shipped boards.json by default).
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    private GatewayUnderTest(WebApplication app, int mqttPort, int httpPort, string dataDirectory)
    {
        App = app;
        MqttPort = mqttPort;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    /// <summary>The running application (for its services).</summary>
    public WebApplication App { get; }

    /// <summary>The embedded broker's port on 127.0.0.1.</summary>
    public int MqttPort { get; }

    /// <summary>Where the broker is, for simulated boards.</summary>
    public MqttBrokerEndpoint Broker => new("127.0.0.1", MqttPort);

    /// <summary>The folder of gateway.db.</summary>
    public string DataDirectory { get; }

    /// <summary>A client of the API.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts a gateway; <paramref name="settings"/> may override any configuration key.</summary>
    public static async Task<GatewayUnderTest> StartAsync(string? inventoryPath = null, IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        int mqttPort = FreeLoopbackPort.Find();
        int httpPort = FreeLoopbackPort.Find();
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "edgecity-test-" + Guid.NewGuid().ToString("N"));
        var configuration = GatewayHost.LoopbackSettings(httpPort, mqttPort, dataDirectory, inventoryPath ?? RepositoryFiles.BoardsJson);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        WebApplication app = GatewayHost.Build([], configuration);
        await app.StartAsync();
        return new GatewayUnderTest(app, mqttPort, httpPort, dataDirectory);
    }

    /// <summary>GET /api/bays/{id}.</summary>
    public async Task<BayView> GetBayAsync(string id) =>
        (await Http.GetFromJsonAsync<BayView>($"/api/bays/{id}"))!;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow shutdown: the temp folder is cleaned by the OS later.
        }
    }
}
