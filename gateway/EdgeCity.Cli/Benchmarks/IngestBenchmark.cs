using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EdgeCity.Gateway.Hosting;
using EdgeCity.Gateway.Ingest;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.Inventory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// <c>bench ingest</c>: every bay of boards.json publishes state changes with QoS 1, as fast as the gateway
/// acknowledges them, into the real gateway (embedded broker, SQLite on disk, commit before PUBACK).
/// Measures throughput and the publish→PUBACK latency, then counts what the database holds.
/// </summary>
public static class IngestBenchmark
{
    private const int MessagesPerBoard = 200;

    /// <summary>Runs the benchmark; the last line printed is the JSON result.</summary>
    public static async Task<int> RunAsync(int seed, TextWriter output, CancellationToken cancellationToken)
    {
        BoardInventory inventory = BoardInventoryLoader.Load("boards.json");
        string dataDirectory = Path.Combine(Path.GetTempPath(), $"edgecity-bench-ingest-{Environment.ProcessId}");
        int mqttPort = FreeLoopbackPort.Find();
        await using var gateway = GatewayHost.Build([],
            GatewayHost.LoopbackSettings(FreeLoopbackPort.Find(), mqttPort, dataDirectory, "boards.json"));
        await gateway.StartAsync(cancellationToken).ConfigureAwait(false);
        var counters = gateway.Services.GetRequiredService<IngestCounters>();

        var boards = inventory.Bays.Select(b => b.Id).ToList();
        var latenciesMs = new double[boards.Count * MessagesPerBoard];
        var random = new Random(seed);
        long startTs = 1_790_000_000_000 + random.Next(1_000_000);
        await output.WriteLineAsync($"bench ingest: {boards.Count} boards x {MessagesPerBoard} QoS 1 state changes into the gateway (seed {seed})").ConfigureAwait(false);

        var wall = Stopwatch.StartNew();
        await Task.WhenAll(boards.Select((id, b) => PublishAllAsync(id, b, mqttPort, startTs, latenciesMs, cancellationToken))).ConfigureAwait(false);
        wall.Stop();

        int sent = latenciesMs.Length;
        long stored = CountStoredStateEvents(Path.Combine(dataDirectory, "gateway.db"));
        Array.Sort(latenciesMs);
        var result = new
        {
            bench = "ingest",
            boards = boards.Count,
            events = sent,
            events_per_s = Math.Round(sent / wall.Elapsed.TotalSeconds, 1),
            p50_ms = Math.Round(Percentile(latenciesMs, 0.50), 2),
            p99_ms = Math.Round(Percentile(latenciesMs, 0.99), 2),
            accepted = counters.Accepted,
            lost = sent - stored,
        };
        await output.WriteLineAsync($"  {sent} events in {wall.Elapsed.TotalSeconds:0.00} s; publish→PUBACK p50 {result.p50_ms} ms, p99 {result.p99_ms} ms; stored {stored}").ConfigureAwait(false);
        await output.WriteLineAsync(JsonSerializer.Serialize(result)).ConfigureAwait(false);

        await gateway.StopAsync(CancellationToken.None).ConfigureAwait(false);
        Directory.Delete(dataDirectory, recursive: true);
        return result.lost == 0 ? 0 : 1;
    }

    private static async Task PublishAllAsync(string boardId, int boardIndex, int port, long startTs, double[] latenciesMs, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(boardId).Build(), cancellationToken).ConfigureAwait(false);
        string topic = $"edgecity/{boardId}/state";
        for (int i = 0; i < MessagesPerBoard; i++)
        {
            string state = i % 2 == 0 ? "occupied" : "free";
            byte[] payload = Encoding.ASCII.GetBytes($"{{\"boot\":1,\"seq\":{i + 1},\"ts\":{startTs + (i * 1000)},\"state\":\"{state}\"}}");
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            long t0 = Stopwatch.GetTimestamp();
            await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            latenciesMs[(boardIndex * MessagesPerBoard) + i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        await client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static long CountStoredStateEvents(string databasePath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM board_events WHERE kind = 'state'";
        return (long)command.ExecuteScalar()!;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
