using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Upstream;

/// <summary>Stops the start with a message naming the setting when the upstream configuration is wrong.</summary>
public sealed class UpstreamOptionsValidator : IValidateOptions<UpstreamOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, UpstreamOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Kind))
        {
            failures.Add($"Gateway:Upstream:Kind: expected None, Mqtt or NgsiLdHttp, got {options.Kind}");
        }

        if (options.Kind == UpstreamKind.Mqtt)
        {
            if (string.IsNullOrWhiteSpace(options.Mqtt.Host))
            {
                failures.Add("Gateway:Upstream:Mqtt:Host: expected the city broker's host name or address, got nothing");
            }

            if (options.Mqtt.Port is < 1 or > 65535)
            {
                failures.Add($"Gateway:Upstream:Mqtt:Port: expected a TCP port 1–65535, got {options.Mqtt.Port}");
            }

            if (string.IsNullOrWhiteSpace(options.Mqtt.ClientId))
            {
                failures.Add("Gateway:Upstream:Mqtt:ClientId: expected the gateway's client id at the city broker, got nothing");
            }

            if (string.IsNullOrWhiteSpace(options.Mqtt.Topic) || options.Mqtt.Topic.Contains('+', StringComparison.Ordinal) || options.Mqtt.Topic.Contains('#', StringComparison.Ordinal))
            {
                failures.Add($"Gateway:Upstream:Mqtt:Topic: expected a topic name without wildcards, got '{options.Mqtt.Topic}'");
            }

            ValidateTls(failures, options.Mqtt);
        }

        if (options.Kind == UpstreamKind.NgsiLdHttp)
        {
            if (!Uri.TryCreate(options.NgsiLd.BaseUrl, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Gateway:Upstream:NgsiLd:BaseUrl: expected an http:// or https:// URL of the context broker, got '{options.NgsiLd.BaseUrl}'");
            }

            if (options.NgsiLd.RequestTimeoutSeconds is < 1 or > 300)
            {
                failures.Add($"Gateway:Upstream:NgsiLd:RequestTimeoutSeconds: expected 1–300 seconds, got {options.NgsiLd.RequestTimeoutSeconds}");
            }
        }

        Range(failures, "WindowBatches", options.WindowBatches, 1, 64, "batches");
        Range(failures, "MaxEntitiesPerBatch", options.MaxEntitiesPerBatch, 1, 1000, "entities");
        Range(failures, "MaxBatchBytes", options.MaxBatchBytes, 4096, 1024 * 1024, "bytes");
        Range(failures, "ReconnectMinDelayMs", options.ReconnectMinDelayMs, 50, 60_000, "ms");
        Range(failures, "ReconnectMaxDelayMs", options.ReconnectMaxDelayMs, Math.Max(50, options.ReconnectMinDelayMs), 600_000, "ms");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateTls(List<string> failures, MqttUpstreamOptions mqtt)
    {
        bool anyFile = !string.IsNullOrEmpty(mqtt.CaFile) || !string.IsNullOrEmpty(mqtt.ClientCertificateFile) || !string.IsNullOrEmpty(mqtt.ClientKeyFile);
        if (!mqtt.UseTls)
        {
            if (anyFile)
            {
                failures.Add("Gateway:Upstream:Mqtt:UseTls: CaFile, ClientCertificateFile and ClientKeyFile only apply with TLS; expected UseTls true, got false");
            }

            return;
        }

        if (!string.IsNullOrEmpty(mqtt.CaFile))
        {
            Check(failures, "CaFile", () =>
            {
                foreach (var authority in UpstreamTls.LoadAuthorities(mqtt.CaFile))
                {
                    authority.Dispose();
                }
            });
        }

        if (string.IsNullOrEmpty(mqtt.ClientCertificateFile) != string.IsNullOrEmpty(mqtt.ClientKeyFile))
        {
            failures.Add("Gateway:Upstream:Mqtt:ClientCertificateFile/ClientKeyFile: expected both (the certificate and its private key) or neither, got one");
        }
        else if (!string.IsNullOrEmpty(mqtt.ClientCertificateFile))
        {
            Check(failures, "ClientCertificateFile", () => UpstreamTls.LoadClientCertificate(mqtt.ClientCertificateFile, mqtt.ClientKeyFile!).Dispose());
        }
    }

    private static void Check(List<string> failures, string key, Action load)
    {
        try
        {
            load();
        }
        catch (InvalidOperationException e)
        {
            failures.Add($"Gateway:Upstream:Mqtt:{key}: {e.Message}");
        }
    }

    private static void Range(List<string> failures, string key, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
        {
            failures.Add($"Gateway:Upstream:{key}: expected {min}–{max} {unit}, got {value}");
        }
    }
}
