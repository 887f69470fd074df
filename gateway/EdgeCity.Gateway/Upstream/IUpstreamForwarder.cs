namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// One way to the city platform. The pump hands it batches in commit order; a batch's task completes when
/// upstream confirmed it (MQTT PUBACK, HTTP 2xx) and faults otherwise. Implementations keep the order of the
/// batches they are given over one connection.
/// </summary>
public interface IUpstreamForwarder : IAsyncDisposable
{
    /// <summary>What the logs call it, e.g. <c>mqtt://city-broker:8883</c>.</summary>
    string Destination { get; }

    /// <summary>Most batches that may be unconfirmed at once.</summary>
    int Window { get; }

    /// <summary>True while a connection is believed up.</summary>
    bool IsConnected { get; }

    /// <summary>(Re)connects; throws <see cref="UpstreamUnavailableException"/> when upstream cannot be reached.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Sends one batch: a JSON array of NGSI-LD entities, UTF-8.</summary>
    Task SendAsync(ReadOnlyMemory<byte> entities, int count, CancellationToken cancellationToken);
}
