using System.Diagnostics;
using EdgeCity.HardwareSim.Radio;

namespace EdgeCity.Cli.Benchmarks.ShelterBench;

/// <summary>
/// Sends recorded shelter-month sessions through the real gateway over real MQTT, one board session at a time,
/// in the order the boards made them: connect with the board's id and will, the birth, every alarm (each waits
/// for the gateway's PUBACK, which it sends only after committing the alarm to SQLite), disconnect. The wall time
/// of each alarm's publish→PUBACK is measured here, while no simulation competes for the cores.
/// </summary>
internal static class ShelterSessionReplay
{
    /// <summary>Replays <paramref name="sessions"/>; fills each session's <see cref="ShelterBenchSession.AlarmPubackMs"/> (NaN where a publish failed). Returns the failures.</summary>
    public static int Replay(IEnumerable<ShelterBenchSession> sessions, MqttBrokerEndpoint broker, CancellationToken cancellationToken)
    {
        int failures = 0;
        foreach (var session in sessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            session.AlarmPubackMs = new double[session.Alarms.Count];
            Array.Fill(session.AlarmPubackMs, double.NaN);
            if (session.ClientId is null)
            {
                continue;
            }

            using var radio = new MqttnetUplinkTransport(broker);
            if (!radio.Connect(session.ClientId, session.WillTopic, session.WillPayload, session.WillPayload.Length))
            {
                failures += session.Alarms.Count;
                continue;
            }

            int alarm = 0;
            foreach (var message in session.Messages)
            {
                long start = Stopwatch.GetTimestamp();
                bool ok = radio.Publish(message.Topic, message.Payload, message.Payload.Length, message.Retain);
                double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (message.IsAlarm)
                {
                    session.AlarmPubackMs[alarm++] = ok ? elapsedMs : double.NaN;
                    failures += ok ? 0 : 1;
                }
            }

            radio.Disconnect();
        }

        return failures;
    }
}
