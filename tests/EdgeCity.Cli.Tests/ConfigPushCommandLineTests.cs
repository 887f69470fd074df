using EdgeCity.Cli.Configuration;
using EdgeCity.HardwareSim.Radio;

namespace EdgeCity.Cli.Tests;

/// <summary>What <c>./edgecity config push</c> says when it cannot do what was asked (the happy paths: <see cref="ConfigPushEndToEndTests"/>).</summary>
public sealed class ConfigPushCommandLineTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("config-push-cli");

    [Fact]
    public async Task Without_the_site_signing_key_nothing_is_pushed_and_the_message_says_where_it_was_expected()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("config", "push", "pk-seomyeon1-a013", "--credentials", _folder.Path, "--gateway", "http://127.0.0.1:9", "--gateway-host", "127.0.0.1");
        Assert.Equal(ConfigPushCommand.NoSigningKey, exit);
        Assert.Contains($"no site signing key in {SiteSigningKey.PathIn(_folder.Path)}", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lot", "busan-lot-nowhere", "--lot busan-lot-nowhere: no such parking lot in boards.json (expected one of: busan-lot-seomyeon-1")]
    [InlineData("cam-anyang-01", null, "'cam-anyang-01' is not a bay or shelter of boards.json (cameras take no board configuration)")]
    [InlineData(null, null, "no board named (expected board ids, --lot LOT or --all)")]
    [InlineData("--all", "--version=0", "--version 0: expected a version of 1 or more (0 is the flashed file)")]
    public async Task A_request_naming_no_configurable_board_is_refused(string? first, string? second, string expected)
    {
        SiteSigningKey.LoadOrCreate(_folder.Path);
        var args = new List<string> { "config", "push" };
        args.AddRange(new[] { first, second }.OfType<string>());
        args.AddRange(["--credentials", _folder.Path, "--gateway", "http://127.0.0.1:9", "--gateway-host", "127.0.0.1"]);
        var (exit, _, stderr) = await CliProcess.RunAsync([.. args]);
        Assert.Equal(ConfigPushCommand.BadRequest, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_named_and_the_exit_code_says_not_everything_was_sent()
    {
        SiteSigningKey.LoadOrCreate(_folder.Path);
        string dead = $"http://127.0.0.1:{FreeLoopbackPort.Find()}";
        var (exit, stdout, stderr) = await CliProcess.RunAsync("config", "push", "pk-seomyeon1-a013", "--credentials", _folder.Path, "--gateway", dead, "--gateway-host", "127.0.0.1");
        Assert.Equal(ConfigPushCommand.NotAllSent, exit);
        Assert.Contains($"pk-seomyeon1-a013: cannot reach the gateway at {dead}", stderr, StringComparison.Ordinal);
        Assert.Contains("0 of 1 boards' configuration handed to their gateway", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
