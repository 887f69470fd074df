using System.Text.Json;

namespace EdgeCity.Cli.Benchmarks.ShelterBench;

/// <summary>One shelter-month's MQTT session as the board made it: identity, will, and what it published, in order.</summary>
internal sealed class ShelterBenchSession
{
    /// <summary>The board's client id (its board id); null when it never connected.</summary>
    public string? ClientId { get; set; }

    /// <summary>The will's topic.</summary>
    public string WillTopic { get; set; } = "";

    /// <summary>The will's payload.</summary>
    public byte[] WillPayload { get; set; } = [];

    /// <summary>Everything but heartbeats, in the order the board published it.</summary>
    public List<ShelterBenchMessage> Messages { get; } = [];

    /// <summary>The alarms among <see cref="Messages"/>: virtual time of the publish and the parsed payload.</summary>
    public List<(long PublishedUnixMs, JsonElement Alarm)> Alarms { get; } = [];

    /// <summary>Measured publish→PUBACK of each alarm through the real gateway, ms, filled by the replay.</summary>
    public double[] AlarmPubackMs { get; set; } = [];
}
