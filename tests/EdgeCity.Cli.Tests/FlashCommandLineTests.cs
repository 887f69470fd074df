using System.Text.Json;

namespace EdgeCity.Cli.Tests;

public class FlashCommandLineTests
{
    private const string Bay = "pk-seomyeon1-a013";

    [Fact]
    public async Task A_dry_run_writes_the_nanoff_files_and_prints_the_exact_commands()
    {
        using var folder = new TemporaryFolder("flash");
        string secrets = WriteSecrets(folder);
        string output = folder.File("out");

        var (exit, stdout, stderr) = await TechnicianCli.RunAsync(
            new Dictionary<string, string>(),
            "flash", Bay, "--port", "/dev/ttyUSB0", "--dry-run", "--secrets", secrets, "--output", output, "--image", "/opt/images/parking-sensor.bin");
        Assert.True(exit == 0, stderr);

        string[] commands = [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("nanoff ", StringComparison.Ordinal))];
        Assert.Equal(
            [
                "nanoff --update --target ESP32_REV3 --serialport /dev/ttyUSB0",
                "nanoff --deploy --image /opt/images/parking-sensor.bin --serialport /dev/ttyUSB0 --verify",
                $"nanoff --filedeployment {output}/file-deployment.json --serialport /dev/ttyUSB0",
                $"nanoff --networkdeployment {output}/network-deployment.json --serialport /dev/ttyUSB0",
            ],
            commands);

        using var files = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "file-deployment.json")));
        JsonElement file = files.RootElement.GetProperty("Files")[0];
        Assert.Equal(@"I:\edgecity.json", file.GetProperty("DestinationFilePath").GetString());
        Assert.Equal(Path.Combine(output, "edgecity.json"), file.GetProperty("SourceFilePath").GetString());

        using var network = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "network-deployment.json")));
        Assert.Equal("edgecity-busan", network.RootElement.GetProperty("WirelessClient").GetProperty("Ssid").GetString());
        Assert.Equal("s3cret-wpa2", network.RootElement.GetProperty("WirelessClient").GetProperty("Password").GetString());
        Assert.Equal(folder.File("site-ca.pem"), network.RootElement.GetProperty("CACertificatesPath").GetString());

        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "edgecity.json")));
        JsonElement c = config.RootElement;
        Assert.Equal(Bay, c.GetProperty("boardId").GetString());
        Assert.Equal("10.20.0.2", c.GetProperty("gatewayHost").GetString());
        Assert.Equal(1883, c.GetProperty("gatewayPort").GetInt32());
        Assert.Equal(2, c.GetProperty("sensorCount").GetInt32());
        Assert.Equal("HMC5883L", c.GetProperty("sensor0Model").GetString());
        Assert.Equal(0x1E, c.GetProperty("sensor0Address").GetInt32());
        Assert.Equal(4, c.GetProperty("sensor0InterruptPin").GetInt32());
        Assert.Equal(-1, c.GetProperty("sensor0Pin").GetInt32());
        Assert.Equal("VL53L0X", c.GetProperty("sensor1Model").GetString());
        Assert.Equal(1300, c.GetProperty("occupiedThresholdNt").GetInt32());
        Assert.DoesNotContain("s3cret-wpa2", await File.ReadAllTextAsync(Path.Combine(output, "edgecity.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flashing_runs_nanoff_four_times_in_order_from_the_firmware_archive()
    {
        using var folder = new TemporaryFolder("flash");
        string log = StandInNanoff(folder, failOn: null);
        string image = folder.File("parking-sensor.bin");
        await File.WriteAllBytesAsync(image, [0x4E, 0x46]);
        Directory.CreateDirectory(folder.File("archive"));

        var (exit, stdout, stderr) = await TechnicianCli.RunAsync(
            WithStandInFirst(folder),
            "flash", Bay, "--port", "/dev/ttyUSB1", "--secrets", WriteSecrets(folder), "--output", folder.File("out"),
            "--image", image, "--firmware-archive", folder.File("archive"));
        Assert.True(exit == 0, stderr + stdout);

        string[] calls = await File.ReadAllLinesAsync(log);
        Assert.Equal(
            [
                $"--update --target ESP32_REV3 --serialport /dev/ttyUSB1 --fromarchive --archivepath {folder.File("archive")}",
                $"--deploy --image {image} --serialport /dev/ttyUSB1 --verify",
                $"--filedeployment {folder.File("out")}/file-deployment.json --serialport /dev/ttyUSB1",
                $"--networkdeployment {folder.File("out")}/network-deployment.json --serialport /dev/ttyUSB1",
            ],
            calls);
        Assert.Contains("[1/4] flash the nanoFramework runtime (ESP32_REV3, from the firmware archive)", stdout, StringComparison.Ordinal);
        Assert.Contains("[4/4] deploy the network configuration", stdout, StringComparison.Ordinal);
        Assert.Contains("stand-in nanoff ok", stdout, StringComparison.Ordinal);

        // nanoff's percentages drive the bar over the whole flash (a log gets a line per quarter of a step).
        Assert.Contains("[####..........................]  13 %  (step 1/4: 50 %)", stdout, StringComparison.Ordinal);
        Assert.Contains("[########......................]  25 %  (step 1/4: 100 %)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(step 1/4: 10 %)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_nanoff_step_stops_the_flash_and_says_which_step_failed()
    {
        using var folder = new TemporaryFolder("flash");
        string log = StandInNanoff(folder, failOn: "--filedeployment");
        string image = folder.File("parking-sensor.bin");
        await File.WriteAllBytesAsync(image, [0x4E, 0x46]);

        var (exit, _, stderr) = await TechnicianCli.RunAsync(
            WithStandInFirst(folder),
            "flash", Bay, "--port", "/dev/ttyUSB1", "--secrets", WriteSecrets(folder), "--output", folder.File("out"), "--image", image);
        Assert.Equal(7, exit);
        Assert.Contains("step 3 of 4 failed: nanoff exited with code 7", stderr, StringComparison.Ordinal);
        Assert.Equal(3, (await File.ReadAllLinesAsync(log)).Length);
    }

    [Fact]
    public async Task Without_nanoff_the_technician_is_told_how_to_install_it()
    {
        using var folder = new TemporaryFolder("flash");
        var (exit, _, stderr) = await TechnicianCli.RunAsync(
            new Dictionary<string, string> { ["PATH"] = folder.Path, ["HOME"] = folder.Path },
            "flash", Bay, "--port", "/dev/ttyUSB0", "--secrets", WriteSecrets(folder));
        Assert.Equal(3, exit);
        Assert.Contains("nanoff (the nanoFramework flasher) is not installed or not on PATH; install it with: dotnet tool install -g nanoff", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_without_an_address_names_the_secrets_field_to_fill_in()
    {
        using var folder = new TemporaryFolder("flash");
        string secrets = folder.File("site-secrets.json");
        await File.WriteAllTextAsync(secrets, """{"wifiSsid": "edgecity-busan", "wifiPassword": "x"}""");

        var (exit, _, stderr) = await TechnicianCli.RunAsync(
            new Dictionary<string, string>(), "flash", Bay, "--port", "/dev/ttyUSB0", "--dry-run", "--secrets", secrets, "--output", folder.File("out"));
        Assert.Equal(1, exit);
        Assert.Contains($"{secrets}: gatewayHosts.gw-busan-01: no address for gateway 'gw-busan-01'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_camera_is_not_flashed_and_the_message_says_why()
    {
        using var folder = new TemporaryFolder("flash");
        var (exit, _, stderr) = await TechnicianCli.RunAsync(
            new Dictionary<string, string>(), "flash", "cam-anyang-01", "--port", "/dev/ttyUSB0", "--dry-run", "--secrets", WriteSecrets(folder), "--output", folder.File("out"));
        Assert.Equal(1, exit);
        Assert.Contains("'cam-anyang-01' is a camera; cameras are not nanoFramework boards (expected a bay or shelter id)", stderr, StringComparison.Ordinal);
    }

    private static string WriteSecrets(TemporaryFolder folder)
    {
        File.WriteAllText(folder.File("site-ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        string path = folder.File("site-secrets.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            wifiSsid = "edgecity-busan",
            wifiPassword = "s3cret-wpa2",
            caCertificate = folder.File("site-ca.pem"),
            gatewayHosts = new Dictionary<string, string> { ["gw-busan-01"] = "10.20.0.2" },
        }));
        return path;
    }

    /// <summary>Writes a bash "nanoff" that appends its arguments to a log, one call a line, and exits 7 on <paramref name="failOn"/>.</summary>
    private static string StandInNanoff(TemporaryFolder folder, string? failOn)
    {
        string bin = folder.File("bin");
        Directory.CreateDirectory(bin);
        string log = folder.File("nanoff-calls.log");
        string script = Path.Combine(bin, "nanoff");
        File.WriteAllText(script, $"""
            #!/usr/bin/env bash
            echo "$*" >> '{log}'
            if [ "$1" = '{failOn ?? "never"}' ]; then echo 'stand-in nanoff failed' >&2; exit 7; fi
            if [ "$1" = '--update' ]; then for p in 0 10 30 50 80 100; do echo "Writing at 0x00010000... ($p %)"; done; fi
            echo 'stand-in nanoff ok'
            """ + "\n");
        if (!OperatingSystem.IsWindows()) // the stand-in is a bash script; the CLI tests run on Linux
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return log;
    }

    private static Dictionary<string, string> WithStandInFirst(TemporaryFolder folder) =>
        new() { ["PATH"] = folder.File("bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };
}
