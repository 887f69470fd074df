using System.Text;
using EdgeCity.Gateway.Hosting;
using EdgeCity.Inventory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Downlink;

/// <summary>
/// Sends each shelter board its stop's service hours (first and last bus, from boards.json) on the retained
/// schedule channel, which the board's night power saving follows. At start, after the stored downlink was
/// published again: a shelter whose stored schedule differs from boards.json (or that has none) is sent the
/// inventory's. boards.json is the timetable of record, so a schedule PUT through the API holds until the next
/// start only if it matches boards.json; edit boards.json to change hours for good.
/// </summary>
public sealed class ShelterServiceHoursPublisher(
    IOptions<GatewayOptions> options,
    DownlinkStore store,
    BoardDownlink downlink,
    ILogger<ShelterServiceHoursPublisher> logger) : IHostedService
{
    /// <summary>The schedule message for <paramref name="hours"/>: <c>{"firstBus":"HH:MM","lastBus":"HH:MM"}</c>.</summary>
    public static byte[] ScheduleMessage(ServiceHours hours) =>
        Encoding.ASCII.GetBytes($"{{\"firstBus\":\"{hours.FirstBus}\",\"lastBus\":\"{hours.LastBus}\"}}");

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        BoardInventory inventory = BoardInventoryLoader.Load(options.Value.InventoryPath);
        var stored = store.Read().Where(m => m.Channel == DownlinkChannel.Schedule).ToDictionary(m => m.BoardId, m => m.Payload);
        foreach (Shelter shelter in inventory.Shelters)
        {
            if (shelter.ServiceHours is not { } hours)
            {
                continue;
            }

            byte[] message = ScheduleMessage(hours);
            if (stored.TryGetValue(shelter.Id, out byte[]? current) && current.AsSpan().SequenceEqual(message))
            {
                continue;
            }

            DownlinkVerdict verdict = await downlink.SendAsync(shelter.Id, DownlinkChannel.Schedule, message, cancellationToken).ConfigureAwait(false);
            if (!verdict.Accepted)
            {
                ServiceHoursLog.Refused(logger, shelter.Id, verdict.Problem ?? "");
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
