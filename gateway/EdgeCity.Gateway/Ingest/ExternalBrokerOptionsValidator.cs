using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Ingest;

/// <summary>Stops the start with a message naming the setting when the external broker configuration is wrong.</summary>
public sealed class ExternalBrokerOptionsValidator : IValidateOptions<ExternalBrokerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ExternalBrokerOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Gateway:ExternalBroker:Port: expected a TCP port 1–65535, got {options.Port}");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Gateway:ExternalBroker:ClientId: expected the gateway's client id at the external broker, got nothing");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
