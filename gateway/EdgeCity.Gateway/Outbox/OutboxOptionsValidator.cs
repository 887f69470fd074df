using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Outbox;

/// <summary>Stops the start with a message naming the setting when the outbox configuration is wrong.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.CapacityBytes is < 64 * 1024 or > 64L * 1024 * 1024 * 1024)
        {
            failures.Add($"Gateway:Outbox:CapacityBytes: expected 65536 (64 KiB) to 68719476736 (64 GiB) bytes, got {options.CapacityBytes}");
        }

        if (options.TelemetryTtlSeconds is < 60 or > 30 * 24 * 3600)
        {
            failures.Add($"Gateway:Outbox:TelemetryTtlSeconds: expected 60 to 2592000 seconds (30 days), got {options.TelemetryTtlSeconds}");
        }

        if (options.MaxBatchMessages is < 1 or > 10_000)
        {
            failures.Add($"Gateway:Outbox:MaxBatchMessages: expected 1 to 10000 messages, got {options.MaxBatchMessages}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
