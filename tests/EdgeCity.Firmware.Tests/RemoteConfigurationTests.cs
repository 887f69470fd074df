using System.Security.Cryptography;
using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Tests.Boundaries;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests;

/// <summary>
/// The board's checks of a pushed configuration, and what it keeps across resets. (Against a real gateway, MQTT and
/// the CLI: EdgeCity.Cli.Tests' ConfigPushEndToEndTests.)
/// </summary>
public sealed class RemoteConfigurationTests
{
    private const string Board = "pk-test-001";
    private const int GatewayPort = 1883;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ManualClock _clock = new();
    private readonly GatewayLink _link = new(GatewayPort);
    private readonly RamMemory _flash = new();
    private readonly byte[] _buffer = new byte[RemoteConfiguration.MaxPayloadBytes];
    private BoardUplink _uplink = null!;
    private RemoteConfiguration _remote = null!;

    public RemoteConfigurationTests() => Boot();

    [Fact]
    public void A_configuration_for_another_board_or_with_a_bad_field_is_refused_once_and_its_version_used_up()
    {
        Assert.False(Deliver(Signed(1, board: "pk-test-002")));
        Assert.Equal("refused:1:board", _remote.LastReport);
        Assert.False(Deliver(Signed(2, port: 0)));
        Assert.Equal("refused:2:config-field-invalid:gatewayPort", _remote.LastReport);
        int reports = Reports();

        Assert.False(Deliver(Signed(2, port: 0))); // the retained message again, after the next connect
        Assert.Equal(reports, Reports());
        Assert.Equal(0, _remote.AppliedVersion);
        Assert.Contains(_link.Published, p => p.Topic == $"edgecity/{Board}/report" && p.Payload.Contains("\"config\":\"refused\",\"version\":2,\"appliedVersion\":0,\"reason\":\"config-field-invalid:gatewayPort\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_off_configuration_rolls_back_to_the_previous_push_not_to_the_flashed_file_and_stays_there_after_a_reset()
    {
        Assert.True(Deliver(Signed(1)));
        Assert.Equal("applied:1", _remote.LastReport);

        Assert.True(Deliver(Signed(2, port: 9999)));
        Assert.True(_remote.OnProbation);
        for (int attempt = 0; attempt < 10 && _remote.OnProbation; attempt++)
        {
            _clock.Advance(600_000); // past any backoff
            _remote.Service(_uplink);
        }

        Assert.Equal("rolled-back:2:gateway-unreachable", _remote.LastReport);
        Assert.Equal(1, _remote.AppliedVersion);
        Assert.Equal(GatewayPort, _link.Port);
        Assert.True(_link.IsConnected);

        Boot(); // a reset: version 1 comes back from flash; neither 1 nor 2 is taken again
        Assert.Equal(1, _remote.AppliedVersion);
        Assert.False(Deliver(Signed(2, port: 9999)));
        Assert.False(Deliver(Signed(1)));
        Assert.True(Deliver(Signed(3)));
        Assert.Equal(3, _remote.AppliedVersion);
    }

    [Fact]
    public void Without_a_key_in_the_flashed_file_every_push_is_refused()
    {
        Boot(withKey: false);
        Assert.False(Deliver(Signed(1)));
        Assert.Equal("refused:1:no-key", _remote.LastReport);
    }

    private void Boot(bool withKey = true)
    {
        string deployed = $$"""{"version":1,"boardId":"{{Board}}","gatewayHost":"gw","gatewayPort":{{GatewayPort}},"sensorCount":0{{(withKey ? ",\"configKey\":\"" + Convert.ToHexStringLower(_key) + "\"" : "")}}}""";
        byte[] file = System.Text.Encoding.ASCII.GetBytes(deployed);
        _uplink = new BoardUplink(_link, _clock, new BoardTopics(Board), 1, "test/0", "power-on", 8);
        _uplink.AttachDownlink(_link);
        _link.Disconnect();
        _remote = new RemoteConfiguration(BoardConfigurationReader.Read(file, file.Length), _flash, _link, 3);
        _remote.Boot(_uplink);
        _uplink.Service();
    }

    private byte[] Signed(int version, string board = Board, int port = GatewayPort) =>
        ConfigurationSignatureTests.Sign($$"""{"version":1,"configVersion":{{version}},"boardId":"{{board}}","gatewayHost":"gw","gatewayPort":{{port}},"sensorCount":0}""", _key);

    private bool Deliver(byte[] payload)
    {
        _uplink.Service();
        _link.Deliver(_uplink.Topics.ConfigDownlink, payload);
        int length = _uplink.ReceiveDownlink(_buffer, 0, out string? topic);
        Assert.Equal(_uplink.Topics.ConfigDownlink, topic);
        return _remote.Accept(_uplink, _buffer, length);
    }

    private int Reports() => _link.Published.Count(p => p.Topic.EndsWith("/report", StringComparison.Ordinal));
}
