using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using EdgeCity.HardwareSim.Radio;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// A real Mosquitto (Debian's <c>mosquitto</c> package) on a free loopback port, with a generated config in a
/// temporary folder; never the system service. It can be stopped (SIGTERM: it saves its persistence file) and
/// started again on the same port with the same state, which is how the rig makes an upstream outage.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"];
    private readonly string _folder;
    private Process? _process;

    private MosquittoBroker(string name, MosquittoSettings settings)
    {
        Port = FreeLoopbackPort.Find();
        TlsPort = settings.Tls is null ? 0 : FreeLoopbackPort.Find();
        _folder = Path.Combine(Path.GetTempPath(), $"edgecity-mosquitto-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        ConfigPath = Path.Combine(_folder, "mosquitto.conf");
        File.WriteAllText(ConfigPath, Config(name, settings));
    }

    /// <summary>The running broker's process id (0 while stopped), for CPU accounting.</summary>
    public int ProcessId => _process is { HasExited: false } process ? process.Id : 0;

    /// <summary>The listener's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The TLS listener's port on 127.0.0.1 (0 without <see cref="MosquittoSettings.Tls"/>).</summary>
    public int TlsPort { get; }

    /// <summary>The generated configuration.</summary>
    public string ConfigPath { get; }

    /// <summary>Mosquitto's own log, for a failing test's message.</summary>
    public string LogPath => Path.Combine(_folder, "mosquitto.log");

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The path of the mosquitto program, or null when it is not installed.</summary>
    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Starts a broker named <paramref name="name"/> (used in its folder and client ids).</summary>
    public static async Task<MosquittoBroker> StartAsync(string name, MosquittoSettings settings, CancellationToken cancellationToken = default)
    {
        var broker = new MosquittoBroker(name, settings);
        await broker.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        return broker;
    }

    /// <summary>Starts the process (again), and waits until the port accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        string executable = Executable ?? throw new InvalidOperationException(
            "mosquitto is not installed: ./edgecity installs it (Debian package 'mosquitto'), or run: sudo apt-get install -y mosquitto");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigPath);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start mosquitto");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!await AcceptsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                string log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath, cancellationToken).ConfigureAwait(false) : "(no log)";
                throw new InvalidOperationException($"mosquitto did not come up on 127.0.0.1:{Port} (exited: {_process.HasExited}); its log:\n{log}");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the process cleanly (SIGTERM: sessions and queued messages are saved) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Signals.Terminate(process.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: it is under the temporary folder.
        }
    }

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", Port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Config(string name, MosquittoSettings settings)
    {
        var conf = new StringBuilder();
        void Line(string text) => conf.Append(text).Append('\n');
        // Listener settings apply to every listener (the TLS one is declared after these).
        Line("per_listener_settings false");
        Line(string.Create(CultureInfo.InvariantCulture, $"listener {Port} 127.0.0.1"));
        Line("allow_anonymous true");

        // Mosquitto started as root drops to the 'mosquitto' user, which cannot write this folder: stay who we are.
        Line("user " + Environment.UserName);
        Line("persistence " + (settings.Persistence ? "true" : "false"));
        Line("persistence_location " + _folder + "/");
        Line(string.Create(CultureInfo.InvariantCulture, $"autosave_interval {settings.AutosaveIntervalS}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"max_queued_messages {settings.MaxQueuedMessages}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"max_inflight_messages {settings.MaxInflightMessages}"));
        Line("log_dest file " + LogPath);
        Line("log_type error");
        Line("log_type warning");
        Line("log_type notice");
        if (settings.Tls is { } tls)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"listener {TlsPort} 127.0.0.1"));
            Line("certfile " + tls.CertificateFile);
            Line("keyfile " + tls.KeyFile);
            Line("cafile " + tls.CaFile);
            Line("require_certificate " + (tls.RequireClientCertificate ? "true" : "false"));
        }

        if (settings.BridgeToPort is { } upstream)
        {
            Line("connection city-" + name);
            Line(string.Create(CultureInfo.InvariantCulture, $"address 127.0.0.1:{upstream}"));
            Line("topic edgecity/# out 1");
            Line("cleansession false");
            Line("bridge_protocol_version mqttv311");
            Line("restart_timeout 1 5");
        }

        return conf.ToString();
    }
}
