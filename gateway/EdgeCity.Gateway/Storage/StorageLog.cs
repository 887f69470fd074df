using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Storage;

/// <summary>The storage's log messages.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Background WAL checkpoint failed; the writer's own checkpoint still bounds the log")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);
}
