using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Downlink;

internal static partial class DownlinkLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Downlink {Channel} for board {BoardId}: {Bytes} bytes stored, published now: {Published}")]
    public static partial void Sent(ILogger logger, string boardId, string channel, int bytes, bool published);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Republished {Published} of {Stored} stored downlink messages as retained")]
    public static partial void Republished(ILogger logger, int published, int stored);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Publishing the stored downlink messages again after the broker came back failed: {Reason}")]
    public static partial void RepublishFailed(ILogger logger, string reason);
}
