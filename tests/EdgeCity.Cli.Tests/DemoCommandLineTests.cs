using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCity.Gateway.Parking;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.Testing;

namespace EdgeCity.Cli.Tests;

public class DemoCommandLineTests
{
    [Fact]
    public async Task The_demo_prints_bay_state_changes_and_answers_the_API_while_it_runs()
    {
        int httpPort = FreeLoopbackPort.Find();
        int mqttPort = FreeLoopbackPort.Find();
        string data = Path.Combine(Path.GetTempPath(), $"edgecity-demo-test-{Guid.NewGuid():N}");
        using var demo = CliProcess.Start("demo", "--duration", "15s", "--speed", "300", "--seed", "3",
            "--http-port", httpPort.ToString(CultureInfo.InvariantCulture), "--mqtt-port", mqttPort.ToString(CultureInfo.InvariantCulture), "--data", data);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        List<BayView>? bays = null;
        var waitForOccupied = Eventually.HoldsAsync(async () =>
        {
            try
            {
                bays = await http.GetFromJsonAsync<List<BayView>>("/api/bays");
                return bays!.Any(b => b.State == "occupied");
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the running demo's API shows an occupied bay");
        try
        {
            await waitForOccupied;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nstdout:\n{demo.Stdout}\nstderr:\n{demo.Stderr}", e);
        }

        Assert.Equal(64, bays!.Count);
        using var health = JsonDocument.Parse(await http.GetStringAsync("/healthz"));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());

        Assert.Equal(0, await demo.WaitAsync(TimeSpan.FromSeconds(60)));
        string output = demo.Stdout;
        Assert.Matches(@"\d\d:\d\d:\d\d  pk-seomyeon1-\w+ +busan-lot-seomyeon-1 [A-D]-\d{3} +occupied", output);
        Assert.Matches(@"\d\d:\d\d:\d\d  pk-seomyeon1-\w+ +busan-lot-seomyeon-1 [A-D]-\d{3} +free", output);
        Assert.Contains("Demo ended after", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "gateway.db")));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_bad_duration_is_refused_with_what_was_expected()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("demo", "--duration", "soon");
        Assert.Equal(2, exit);
        Assert.Contains("--duration: 'soon' is not a duration (expected a positive number with s, m, h or ms, e.g. 20s)", stderr, StringComparison.Ordinal);
    }
}
