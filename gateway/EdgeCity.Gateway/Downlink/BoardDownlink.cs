using System.Text.Json;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Parking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Downlink;

/// <summary>
/// Sends configuration, schedules and commands to boards: each message is checked, stored in SQLite, then
/// published retained on the board's downlink topic, so a board that sleeps for a day still gets it when it
/// wakes. At start every stored message is published again, because the embedded broker forgets retained
/// messages when the gateway restarts.
/// </summary>
public sealed class BoardDownlink(
    DownlinkStore store,
    IBoardBroker broker,
    BayDirectory directory,
    TimeProvider time,
    ILogger<BoardDownlink> logger) : IHostedService
{
    /// <summary>The largest payload a board's downlink buffer takes (firmware side: the same figure).</summary>
    public const int MaxPayloadBytes = 2048;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DownlinkMessage> stored = store.Read();
        int published = 0;
        foreach (DownlinkMessage message in stored)
        {
            if (await broker.PublishRetainedAsync(message.Topic, message.Payload, cancellationToken).ConfigureAwait(false))
            {
                published++;
            }
        }

        DownlinkLog.Republished(logger, published, stored.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Checks, stores and publishes <paramref name="payload"/> (a JSON object) for <paramref name="boardId"/>.</summary>
    public async Task<DownlinkVerdict> SendAsync(string boardId, string channel, byte[] payload, CancellationToken cancellationToken)
    {
        if (!directory.IsKnownBoard(boardId))
        {
            return DownlinkVerdict.Refused($"board '{boardId}' is not in this gateway's inventory (expected a board id from boards.json)");
        }

        if (!DownlinkChannel.IsKnown(channel))
        {
            return DownlinkVerdict.Refused($"unknown downlink channel '{channel}' (expected one of: {string.Join(", ", DownlinkChannel.All)})");
        }

        if (payload.Length > MaxPayloadBytes)
        {
            return DownlinkVerdict.Refused($"payload of {payload.Length} bytes (expected at most {MaxPayloadBytes}: the board's downlink buffer)");
        }

        if (JsonObjectProblem(payload) is { } problem)
        {
            return DownlinkVerdict.Refused(problem);
        }

        var message = new DownlinkMessage(boardId, channel, payload, time.GetUtcNow().ToUnixTimeMilliseconds());
        store.Save(message);
        bool published = await broker.PublishRetainedAsync(message.Topic, payload, cancellationToken).ConfigureAwait(false);
        DownlinkLog.Sent(logger, boardId, channel, payload.Length, published);
        return new DownlinkVerdict(true, published, message.Topic, null);
    }

    private static string? JsonObjectProblem(byte[] payload)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : $"payload is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()} (expected a JSON object)";
        }
        catch (JsonException e)
        {
            return $"payload is not JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message.Split(" LineNumber", 2)[0]} (expected a JSON object)";
        }
    }
}
