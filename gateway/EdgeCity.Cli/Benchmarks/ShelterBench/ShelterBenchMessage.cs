namespace EdgeCity.Cli.Benchmarks.ShelterBench;

/// <summary>One message a simulated board published: topic, payload, retain flag, virtual time, whether it is an alarm.</summary>
internal sealed record ShelterBenchMessage(string Topic, byte[] Payload, bool Retain, long PublishedUnixMs, bool IsAlarm);
