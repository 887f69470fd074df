using System.Diagnostics;
using System.Globalization;
using System.Text;
using EdgeCity.HardwareSim.Radio;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// The real gateway as a child process (<c>dotnet EdgeCity.Gateway.dll --Key=value …</c>, the same files a Pi
/// runs), so it can be killed with SIGKILL at any moment and started again on the same ports and database.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private long _peakRssKb;

    private GatewayProcess(Dictionary<string, string?> settings, int mqttPort, int httpPort)
    {
        _settings = settings;
        MqttPort = mqttPort;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The running gateway's process id (0 while it is not running), for CPU accounting.</summary>
    public int ProcessId => _process is { HasExited: false } process ? process.Id : 0;

    /// <summary>The embedded broker's port on 127.0.0.1.</summary>
    public int MqttPort { get; }

    /// <summary>The API's port on 127.0.0.1.</summary>
    public int HttpPort { get; }

    /// <summary>A client of the API.</summary>
    public HttpClient Http { get; }

    /// <summary>Times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The highest resident set size seen across all runs (VmHWM), in MiB.</summary>
    public double PeakRssMb => Math.Max(Interlocked.Read(ref _peakRssKb), ReadPeakRssKb()) / 1024.0;

    /// <summary>What the process printed (all runs), for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the gateway from <paramref name="gatewayDll"/> (default: EdgeCity.Gateway.dll beside this assembly)
    /// with loopback ports, <paramref name="dataDirectory"/>, <paramref name="inventoryPath"/> and any
    /// <paramref name="settings"/> (configuration keys such as <c>Gateway:Upstream:Kind</c>).
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, string inventoryPath, IReadOnlyDictionary<string, string?> settings,
        string? gatewayDll = null, CancellationToken cancellationToken = default)
    {
        int mqttPort = FreeLoopbackPort.Find();
        int httpPort = FreeLoopbackPort.Find();
        var all = new Dictionary<string, string?>(Gateway.Hosting.GatewayHost.LoopbackSettings(httpPort, mqttPort, dataDirectory, inventoryPath))
        {
            ["GatewayDll"] = gatewayDll ?? Path.Combine(AppContext.BaseDirectory, "EdgeCity.Gateway.dll"),
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var gateway = new GatewayProcess(all, mqttPort, httpPort);
        await gateway.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        return gateway;
    }

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    /// <summary>Starts the process (again, after a kill) and waits until <c>/healthz</c> answers 200.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_settings["GatewayDll"]!);
        foreach (var (key, value) in _settings)
        {
            if (key != "GatewayDll")
            {
                start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--{key}={value}"));
            }
        }

        // Workstation GC, as on a Pi with 1–4 GB: the RSS figure is then what a Pi would see.
        start.Environment["DOTNET_gcServer"] = "0";
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        var clock = Stopwatch.StartNew();
        while (!await IsHealthyAsync(cancellationToken).ConfigureAwait(false))
        {
            // 90 s, not 30: a clean-clone test run on a machine saturated by other work saw a gateway print nothing
            // within 30 s of its start (GatewayBenchmarkTests); a healthy start takes ~1 s, so the limit only bounds a hang.
            if (_process.HasExited || clock.Elapsed > StartPatience)
            {
                // A gateway that never became healthy is not left running: one from a failed test run was found an hour later.
                bool exited = _process.HasExited;
                if (!exited) _process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"the gateway did not become healthy within {clock.Elapsed.TotalSeconds:0} s (exited: {exited}); its output:\n{Output}");
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            RememberPeakRss();
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>SIGTERM, as systemd stops it, and waits for the orderly shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            RememberPeakRss();
            Signals.Terminate(process.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>GET <paramref name="path"/> as text.</summary>
    public Task<string> GetAsync(string path, CancellationToken cancellationToken = default) => Http.GetStringAsync(path, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process?.Dispose();
        Http.Dispose();
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await Http.GetAsync("/healthz", cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void RememberPeakRss()
    {
        long kb = ReadPeakRssKb();
        if (kb > Interlocked.Read(ref _peakRssKb))
        {
            Interlocked.Exchange(ref _peakRssKb, kb);
        }
    }

    private long ReadPeakRssKb()
    {
        try
        {
            if (_process is not { HasExited: false } process)
            {
                return 0;
            }

            string? line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return 0;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
