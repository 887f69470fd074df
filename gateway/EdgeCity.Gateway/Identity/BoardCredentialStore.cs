using EdgeCity.Gateway.Storage;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// Per-board MQTT credentials, created at provisioning (<c>./edgecity gateway provision</c>): a random 192-bit
/// secret shown once and flashed into the board, stored here only as a salted HMAC-SHA256 (<see cref="HashedSecretTable"/>).
/// </summary>
public sealed class BoardCredentialStore(GatewayDatabase database)
{
    private readonly HashedSecretTable _secrets = new(database, "board_credentials", "board_id");

    /// <summary>Creates (or replaces) the credentials of <paramref name="boardId"/>; returns the secret, which is not kept.</summary>
    public string Provision(string boardId, TimeProvider time) => _secrets.Create(boardId, time);

    /// <summary>True when <paramref name="secret"/> is the provisioned secret of <paramref name="boardId"/>.</summary>
    public bool Verify(string boardId, string secret) => _secrets.Matches(boardId, secret);

    /// <summary>The ids of all provisioned boards, ordered.</summary>
    public IReadOnlyList<string> ProvisionedBoards() => _secrets.Keys();
}
