using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Outbox;

/// <summary>The outbox's log messages.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Outbox opened: {Entries} entries ({Bytes} bytes) waiting for upstream, capacity {CapacityBytes} bytes")]
    public static partial void Opened(ILogger logger, long entries, long bytes, long capacityBytes);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Could not commit a batch of {Messages} board messages; none was acknowledged, the boards will retry")]
    public static partial void BatchFailed(ILogger logger, int messages, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Outbox full ({Bytes} of {CapacityBytes} bytes, no telemetry left to shed): refused {Refused} state changes or alarms, the boards keep and retry them")]
    public static partial void Full(ILogger logger, long bytes, long capacityBytes, long refused);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Outbox over capacity: shed {Shed} old telemetry entries, did not queue {Dropped} new ones")]
    public static partial void ShedTelemetry(ILogger logger, long shed, long dropped);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Expired {Expired} telemetry entries older than {TtlSeconds} s")]
    public static partial void Expired(ILogger logger, long expired, int ttlSeconds);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Completing a board message's ingest after its commit failed; the next ones are still acknowledged")]
    public static partial void AcknowledgementFailed(ILogger logger, Exception exception);
}
