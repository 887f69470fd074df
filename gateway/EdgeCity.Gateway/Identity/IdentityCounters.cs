namespace EdgeCity.Gateway.Identity;

/// <summary>Connection attempts to the embedded broker since start, by outcome; shown on <c>/healthz</c> and <c>/metrics</c>.</summary>
public sealed class IdentityCounters
{
    private long _accepted;
    private long _acceptedUnprovisioned;
    private long _missingCredentials;
    private long _wrongCredentials;
    private long _unknownClients;
    private long _acceptedCertificate;
    private long _refusedCertificate;
    private long _apiAccepted;
    private long _apiRefused;

    /// <summary>Boards let in with valid credentials.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Clients let in without credentials on loopback (development mode only).</summary>
    public long AcceptedUnprovisioned => Interlocked.Read(ref _acceptedUnprovisioned);

    /// <summary>Refused: no user name or password.</summary>
    public long MissingCredentials => Interlocked.Read(ref _missingCredentials);

    /// <summary>Refused: wrong password, a user name that is not the client id, or a board never provisioned.</summary>
    public long WrongCredentials => Interlocked.Read(ref _wrongCredentials);

    /// <summary>Refused: the client id is no board of the inventory.</summary>
    public long UnknownClients => Interlocked.Read(ref _unknownClients);

    /// <summary>Boards let in by a TLS client certificate of the site CA naming them.</summary>
    public long AcceptedCertificate => Interlocked.Read(ref _acceptedCertificate);

    /// <summary>Refused: a TLS client certificate not from the site CA (the handshake failed), none where one is required, or one naming another board.</summary>
    public long RefusedCertificate => Interlocked.Read(ref _refusedCertificate);

    /// <summary>API requests let in by a valid token (trusted loopback requests are not counted).</summary>
    public long ApiAccepted => Interlocked.Read(ref _apiAccepted);

    /// <summary>API requests refused: no token, not a bearer token, or an unknown or revoked one.</summary>
    public long ApiRefused => Interlocked.Read(ref _apiRefused);

    /// <summary>All refused connection attempts.</summary>
    public long Refused => MissingCredentials + WrongCredentials + UnknownClients + RefusedCertificate;

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountAcceptedUnprovisioned() => Interlocked.Increment(ref _acceptedUnprovisioned);

    internal void CountMissingCredentials() => Interlocked.Increment(ref _missingCredentials);

    internal void CountWrongCredentials() => Interlocked.Increment(ref _wrongCredentials);

    internal void CountUnknownClient() => Interlocked.Increment(ref _unknownClients);

    internal void CountAcceptedCertificate() => Interlocked.Increment(ref _acceptedCertificate);

    internal void CountRefusedCertificate() => Interlocked.Increment(ref _refusedCertificate);

    internal void CountApiAccepted() => Interlocked.Increment(ref _apiAccepted);

    internal void CountApiRefused() => Interlocked.Increment(ref _apiRefused);
}
