using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Storage;

namespace EdgeCity.Gateway.Api;

/// <summary>
/// Operators' tokens for the HTTP API, created on the gateway (<c>./edgecity gateway api-token create NAME</c>) and
/// shown once. A token reads <c>NAME.SECRET</c>: the name says whose it is (in logs, and to revoke it), the
/// 192-bit secret is kept only as a salted HMAC-SHA256 (<see cref="HashedSecretTable"/>).
/// </summary>
public sealed class ApiTokenStore(GatewayDatabase database)
{
    private const int MaxNameLength = 40;
    private readonly HashedSecretTable _secrets = new(database, "api_tokens", "name");

    /// <summary>Creates (or replaces) the token named <paramref name="name"/>; returns the token, which is not kept.</summary>
    /// <exception cref="ArgumentException">The name is not 1–40 of a–z, 0–9, '-' and '_'.</exception>
    public string Create(string name, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"token name '{name}': expected 1-{MaxNameLength} characters of a-z, 0-9, '-' and '_' (e.g. the operator's or tool's name)", nameof(name));
        }

        return name + "." + _secrets.Create(name, time);
    }

    /// <summary>Deletes the token named <paramref name="name"/>; false when there was none.</summary>
    public bool Revoke(string name) => _secrets.Delete(name);

    /// <summary>The names of all tokens, ordered.</summary>
    public IReadOnlyList<string> Names() => _secrets.Keys();

    /// <summary>The token's name when <paramref name="token"/> is a current token; otherwise null.</summary>
    public string? Verify(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        int dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1)
        {
            return null;
        }

        string name = token[..dot];
        return _secrets.Matches(name, token[(dot + 1)..]) ? name : null;
    }

    /// <summary>True when <paramref name="name"/> may name a token.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
