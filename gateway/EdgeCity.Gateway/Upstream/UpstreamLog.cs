using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Upstream;

/// <summary>The upstream pump's log messages.</summary>
internal static partial class UpstreamLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Upstream {Destination} connected; {Waiting} entries waiting in the outbox")]
    public static partial void Connected(ILogger logger, string destination, long waiting);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Upstream {Destination} unavailable ({Reason}); retrying in {DelayMs} ms, {Waiting} entries waiting")]
    public static partial void Unavailable(ILogger logger, string destination, string reason, int delayMs, long waiting);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Upstream forwarding is off (Gateway:Upstream:Kind=None): nothing is queued")]
    public static partial void Off(ILogger logger);
}
