using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Downlink;

internal static partial class ServiceHoursLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "Service hours of shelter {BoardId} in boards.json not sent: {Problem}")]
    public static partial void Refused(ILogger logger, string boardId, string problem);
}
