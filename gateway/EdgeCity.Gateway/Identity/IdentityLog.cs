using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Identity;

/// <summary>The identity checks' log messages.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Refused connection of client {ClientId} from {Remote}: {Reason}")]
    public static partial void Refused(ILogger logger, string clientId, string remote, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Refused a TLS client certificate: {Reason}")]
    public static partial void CertificateRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Refused API request {Method} {Path} from {Remote}: {Reason}")]
    public static partial void ApiRefused(ILogger logger, string method, string path, string remote, string reason);
}
