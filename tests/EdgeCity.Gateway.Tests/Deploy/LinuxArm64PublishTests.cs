using System.Diagnostics;
using EdgeCity.Testing;

namespace EdgeCity.Gateway.Tests.Deploy;

/// <summary>The Raspberry Pi build: <c>deploy/publish-linux-arm64.sh</c> really publishes arm64 files (runtime packs from NuGet).</summary>
public sealed class LinuxArm64PublishTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("edgecity-arm64-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task The_publish_script_produces_an_arm64_gateway_with_its_native_SQLite()
    {
        string script = Path.Combine(RepositoryFiles.Root, "gateway", "EdgeCity.Gateway", "deploy", "publish-linux-arm64.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(_output);
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        string output = await stdout + await stderr;

        Assert.True(process.ExitCode == 0, $"the script failed ({process.ExitCode}):\n{output}");
        Assert.Contains("published for linux-arm64", output, StringComparison.Ordinal);
        foreach (string file in new[] { "EdgeCity.Gateway", "libe_sqlite3.so" })
        {
            // ELF header: magic, then e_machine at offset 18 (little-endian); 0xB7 is AArch64.
            byte[] header = new byte[20];
            await using (var stream = File.OpenRead(Path.Combine(_output, file)))
            {
                await stream.ReadExactlyAsync(header);
            }

            Assert.True(header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8), $"{file} is an ELF file");
            Assert.Equal(0xB7, header[18] | (header[19] << 8));
        }

        Assert.True(File.Exists(Path.Combine(_output, "EdgeCity.Gateway.dll")));
        Assert.True(File.Exists(Path.Combine(_output, "appsettings.json")));
    }
}
