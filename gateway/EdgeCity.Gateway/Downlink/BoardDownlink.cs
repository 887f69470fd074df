using System.Text.Json;
using EdgeCity.Firmware.Shelter.Power;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Parking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Downlink;

/// <summary>
/// Sends configuration, schedules and commands to boards: each message is checked, stored in SQLite, then
/// published retained on the board's downlink topic, so a board that sleeps for a day still gets it when it
/// wakes. At start every stored message is published again, because the embedded broker forgets retained
/// messages when the gateway restarts; and so again whenever an external broker comes back
/// (<see cref="IBoardBroker.Reconnected"/>), because it may have lost them or missed one sent while it was down.
/// </summary>
public sealed class BoardDownlink(
    DownlinkStore store,
    IBoardBroker broker,
    BayDirectory directory,
    TimeProvider time,
    ILogger<BoardDownlink> logger) : IHostedService, IDisposable
{
    /// <summary>The largest payload a board's downlink buffer takes (firmware side: the same figure).</summary>
    public const int MaxPayloadBytes = 2048;

    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _republishing = new(1, 1);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        broker.Reconnected += OnBrokerReconnected;
        await RepublishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        broker.Reconnected -= OnBrokerReconnected;
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        _republishing.Dispose();
    }

    /// <summary>Publishes every stored message again (one pass at a time); returns how many the broker took.</summary>
    public async Task<int> RepublishAsync(CancellationToken cancellationToken)
    {
        await _republishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
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
            return published;
        }
        finally
        {
            _republishing.Release();
        }
    }

    private void OnBrokerReconnected(object? sender, EventArgs e) => _ = Task.Run(async () =>
    {
        try
        {
            await RepublishAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The gateway is stopping; the next start publishes everything again.
        }
        catch (Exception failure) when (failure is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            // A background pass must not take the process down; the next reconnect or start tries again.
            DownlinkLog.RepublishFailed(logger, failure.Message);
        }
    });

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

        // A schedule is read with the shelter firmware's own reader: what the gateway accepts, the board can apply.
        if (channel == DownlinkChannel.Schedule && ServiceScheduleMessage.Read(payload, payload.Length, out _, out _) is { } scheduleProblem)
        {
            return DownlinkVerdict.Refused(scheduleProblem);
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
