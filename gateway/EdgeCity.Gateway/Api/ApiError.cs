namespace EdgeCity.Gateway.Api;

/// <summary>The body of every API error: what is wrong and what was expected.</summary>
public sealed record ApiError(string Error, string Expected);
