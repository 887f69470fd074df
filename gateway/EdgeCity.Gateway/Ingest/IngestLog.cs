using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Ingest;

/// <summary>The ingest path's log messages (source-generated: it runs for every board message).</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Refused message from board {BoardId}: {Problem}")]
    public static partial void Refused(ILogger logger, string boardId, string problem);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Refused {Bytes}-byte payload from board {BoardId} on {Topic}: larger than {Limit} bytes")]
    public static partial void Oversized(ILogger logger, string boardId, string topic, int bytes, int limit);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Refused message from unknown board {BoardId} on {Topic}: not in the inventory")]
    public static partial void UnknownBoard(ILogger logger, string boardId, string topic);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Could not commit message from board {BoardId}; it was not acknowledged and will be redelivered")]
    public static partial void StoreFailed(ILogger logger, string boardId, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Ingesting from external broker {Host}:{Port} as {ClientId}")]
    public static partial void ExternalBrokerConnected(ILogger logger, string host, int port, string clientId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "External broker {Host}:{Port} unavailable ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ExternalBrokerUnavailable(ILogger logger, string host, int port, string reason, int delayMs);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Bay {BayId} is {State} (observed {ObservedAt:o}, boot {Boot} seq {Seq})")]
    public static partial void BayChanged(ILogger logger, string bayId, string state, DateTimeOffset observedAt, long boot, long seq);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Board {BoardId} is {Status} (boot {Boot})")]
    public static partial void BoardStatus(ILogger logger, string boardId, string status, long boot);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Alarm {Alarm} from board {BoardId} (boot {Boot} seq {Seq})")]
    public static partial void Alarm(ILogger logger, string boardId, string alarm, long boot, long seq);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Refused publish by client {ClientId} on {Topic}: a board may publish only under its own topic")]
    public static partial void TopicViolation(ILogger logger, string clientId, string topic);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Refused subscription by client {ClientId} to {Filter}: a board may subscribe only under its own topic")]
    public static partial void SubscriptionViolation(ILogger logger, string clientId, string filter);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port}")]
    public static partial void BrokerStarted(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Embedded MQTT broker listening with TLS on {Address}:{Port} (client certificates of the site CA: {ClientCertificates})")]
    public static partial void TlsListenerStarted(ILogger logger, string address, int port, bool clientCertificates);
}
