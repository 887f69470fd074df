using System.Net;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Hosting;

/// <summary>Stops the start with a message naming the setting when the configuration is wrong.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.MqttPort is < 1 or > 65535)
        {
            failures.Add($"Gateway:MqttPort: expected a TCP port 1–65535, got {options.MqttPort}");
        }

        if (!IPAddress.TryParse(options.MqttBindAddress, out _))
        {
            failures.Add($"Gateway:MqttBindAddress: expected an IP address such as 0.0.0.0 or 127.0.0.1, got '{options.MqttBindAddress}'");
        }

        if (options.MaxPayloadBytes is < 64 or > 65536)
        {
            failures.Add($"Gateway:MaxPayloadBytes: expected 64–65536 bytes, got {options.MaxPayloadBytes}");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Gateway:DataDirectory: expected a folder path, got nothing");
        }

        if (!File.Exists(options.InventoryPath))
        {
            failures.Add($"Gateway:InventoryPath: file '{Path.GetFullPath(options.InventoryPath)}' does not exist (expected the boards.json this gateway serves)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
