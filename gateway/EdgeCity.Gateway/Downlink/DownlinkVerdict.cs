namespace EdgeCity.Gateway.Downlink;

/// <summary>What became of a downlink message handed to <see cref="BoardDownlink"/>.</summary>
/// <param name="Accepted">False when the message was refused; <paramref name="Problem"/> says why.</param>
/// <param name="Published">True when the broker took it now; false when it is stored and goes out once the broker is up.</param>
/// <param name="Topic">The retained topic (empty when refused).</param>
/// <param name="Problem">What was wrong and what was expected, when refused.</param>
public sealed record DownlinkVerdict(bool Accepted, bool Published, string Topic, string? Problem)
{
    /// <summary>A refusal with its reason.</summary>
    public static DownlinkVerdict Refused(string problem) => new(false, false, "", problem);
}
