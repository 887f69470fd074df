using System.Net.Http.Headers;

namespace EdgeCity.Cli.GatewayApi;

/// <summary>
/// The token a command shows a gateway's HTTP API (made there by <c>./edgecity gateway api-token create NAME</c>):
/// <c>--token</c>, else the <c>EDGECITY_API_TOKEN</c> environment variable, else the site secrets'
/// <c>gatewayApiTokens</c> entry for that gateway. None is needed on the gateway itself (loopback is trusted).
/// </summary>
public static class GatewayApiToken
{
    /// <summary>The environment variable read when no <c>--token</c> is given.</summary>
    public const string EnvironmentVariable = "EDGECITY_API_TOKEN";

    /// <summary>What an operator is told when a gateway answered 401.</summary>
    public const string Hint = "run './edgecity gateway api-token create NAME' on the gateway and pass the token with --token, " + EnvironmentVariable + " or gatewayApiTokens in the site secrets";

    /// <summary>The token to use: <paramref name="option"/>, the environment variable, or <paramref name="fromSecrets"/>.</summary>
    public static string? Resolve(string? option, string? fromSecrets = null) =>
        NonEmpty(option) ?? NonEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? NonEmpty(fromSecrets);

    /// <summary>A request to the API carrying <paramref name="token"/> when there is one.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string url, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
