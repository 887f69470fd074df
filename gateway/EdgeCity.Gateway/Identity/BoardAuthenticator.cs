using System.Net;
using System.Security.Cryptography.X509Certificates;
using EdgeCity.Gateway.Parking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// Decides who may connect to the embedded broker: a board of the inventory whose user name is its client id
/// (its board id) and whose password is its provisioned secret, or — over TLS — whose client certificate from
/// the site CA (checked in the handshake by <see cref="BoardCertificateValidator"/>) names it. Every refusal is
/// counted and logged.
/// </summary>
public sealed class BoardAuthenticator(
    BoardCredentialStore credentials,
    BayDirectory directory,
    IdentityCounters counters,
    IOptions<IdentityOptions> options,
    ILogger<BoardAuthenticator> logger)
{
    /// <summary>
    /// The CONNACK reason for client <paramref name="clientId"/> connecting from <paramref name="remote"/>, with
    /// the TLS client certificate it presented (already chained to the site CA) or null.
    /// </summary>
    public MqttConnectReasonCode Authenticate(string clientId, string? userName, string? password, EndPoint? remote, X509Certificate2? certificate = null)
    {
        if (clientId.Length == 0 || clientId[0] == '$' || clientId.AsSpan().IndexOfAny("/+#") >= 0)
        {
            // '$' ids are the gateway's own (EmbeddedMqttBroker.GatewayClientId); topic characters would let an id
            // reach into another board's topics.
            counters.CountUnknownClient();
            IdentityLog.Refused(logger, clientId, remote?.ToString() ?? "?", "client id is empty or has '$', '/', '+' or '#'");
            return MqttConnectReasonCode.ClientIdentifierNotValid;
        }

        if (certificate is not null)
        {
            return AuthenticateCertificate(clientId, remote, certificate);
        }

        if (string.IsNullOrEmpty(password))
        {
            if (options.Value.AllowUnprovisionedOnLoopback && IsLoopback(remote))
            {
                counters.CountAcceptedUnprovisioned();
                return MqttConnectReasonCode.Success;
            }

            counters.CountMissingCredentials();
            IdentityLog.Refused(logger, clientId, remote?.ToString() ?? "?", "no credentials");
            return MqttConnectReasonCode.NotAuthorized;
        }

        if (!directory.IsKnownBoard(clientId))
        {
            counters.CountUnknownClient();
            IdentityLog.Refused(logger, clientId, remote?.ToString() ?? "?", "not a board of the inventory");
            return MqttConnectReasonCode.ClientIdentifierNotValid;
        }

        if (!string.Equals(userName, clientId, StringComparison.Ordinal) || !credentials.Verify(clientId, password))
        {
            counters.CountWrongCredentials();
            IdentityLog.Refused(logger, clientId, remote?.ToString() ?? "?", "wrong user name or secret");
            return MqttConnectReasonCode.BadUserNameOrPassword;
        }

        counters.CountAccepted();
        return MqttConnectReasonCode.Success;
    }

    private MqttConnectReasonCode AuthenticateCertificate(string clientId, EndPoint? remote, X509Certificate2 certificate)
    {
        string named = BoardCertificateValidator.BoardIdOf(certificate);
        if (!string.Equals(named, clientId, StringComparison.Ordinal) || !directory.IsKnownBoard(clientId))
        {
            counters.CountRefusedCertificate();
            IdentityLog.Refused(logger, clientId, remote?.ToString() ?? "?", $"its certificate names '{named}'{(directory.IsKnownBoard(clientId) ? "" : ", and it is not a board of the inventory")}");
            return MqttConnectReasonCode.NotAuthorized;
        }

        counters.CountAcceptedCertificate();
        return MqttConnectReasonCode.Success;
    }

    private static bool IsLoopback(EndPoint? remote) =>
        remote is IPEndPoint ip && IPAddress.IsLoopback(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address);
}
