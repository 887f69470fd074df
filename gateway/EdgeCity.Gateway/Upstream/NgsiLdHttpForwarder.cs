using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// Forwards batches to an NGSI-LD context broker: <c>POST /ngsi-ld/v1/entityOperations/upsert?options=update</c>
/// with the entity array as <c>application/ld+json</c>. One request at a time, so order is kept by construction;
/// any answer but 2xx (a 207 with errors included) fails the batch and it is sent again: upsert is idempotent.
/// </summary>
public sealed class NgsiLdHttpForwarder : IUpstreamForwarder
{
    private static readonly MediaTypeHeaderValue JsonLd = new("application/ld+json");
    private readonly HttpClient _http;
    private readonly Uri _upsert;
    private bool _connected;

    /// <summary>Creates the forwarder from <c>Gateway:Upstream:NgsiLd</c>.</summary>
    public NgsiLdHttpForwarder(IOptions<UpstreamOptions> options)
    {
        NgsiLdHttpUpstreamOptions settings = options.Value.NgsiLd;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds) };
        if (!string.IsNullOrEmpty(settings.Tenant))
        {
            _http.DefaultRequestHeaders.Add("NGSILD-Tenant", settings.Tenant);
        }

        _upsert = new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), "ngsi-ld/v1/entityOperations/upsert?options=update");
        Destination = _upsert.GetLeftPart(UriPartial.Path);
    }

    /// <inheritdoc />
    public string Destination { get; }

    /// <inheritdoc />
    public int Window => 1;

    /// <inheritdoc />
    public bool IsConnected => _connected;

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        // HTTP needs no session: the next request tells whether the broker is there.
        _connected = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task SendAsync(ReadOnlyMemory<byte> entities, int count, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(entities);
        content.Headers.ContentType = JsonLd;
        try
        {
            using HttpResponseMessage response = await _http.PostAsync(_upsert, content, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is not (System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.NoContent or System.Net.HttpStatusCode.OK))
            {
                _connected = false;
                throw new UpstreamUnavailableException($"the context broker answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _connected = false;
            throw new UpstreamUnavailableException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
