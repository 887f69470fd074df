using System.Text;
using EdgeCity.Gateway.Ingest;

namespace EdgeCity.Gateway.Tests;

public class BoardMessageParserTests
{
    private const string Board = "pk-test-001";

    [Fact]
    public void A_state_change_is_parsed_with_its_sequence_and_observed_time()
    {
        Assert.True(Parse("state", """{"boot":2,"seq":17,"ts":1764000000000,"state":"occupied","previousDurationS":30}""", out var message, out _));
        Assert.Equal(BoardMessageKind.State, message!.Kind);
        Assert.Equal(2, message.Boot);
        Assert.Equal(17, message.Sequence);
        Assert.Equal(1764000000000, message.ObservedAtUnixMs);
        Assert.Equal("occupied", message.State);
    }

    [Fact]
    public void A_last_will_needs_no_sequence_and_takes_the_receive_time()
    {
        Assert.True(Parse("status", """{"online":false,"boot":4}""", out var message, out _));
        Assert.False(message!.Online);
        Assert.Equal(-1, message.Sequence);
        Assert.Equal(99, message.ObservedAtUnixMs);
    }

    [Theory]
    [InlineData("state", """{"boot":1,"seq":1,"ts":5,"state":"occ""", "edgecity/pk-test-001/state: payload is not valid JSON at line 1, byte 38")]
    [InlineData("state", """{"boot":1,"seq":1,"ts":5,"state":42}""", "edgecity/pk-test-001/state: field 'state': expected \"occupied\" or \"free\", got 42")]
    [InlineData("state", """{"boot":1,"seq":"7","ts":5,"state":"free"}""", "edgecity/pk-test-001/state: field 'seq': expected an integer, got \"7\"")]
    [InlineData("state", """{"boot":0,"seq":1,"ts":5,"state":"free"}""", "edgecity/pk-test-001/state: field 'boot': expected an integer ≥ 1, got 0")]
    [InlineData("heartbeat", """{"boot":1,"ts":5}""", "edgecity/pk-test-001/heartbeat: field 'seq' is missing")]
    [InlineData("state", """[1,2,3]""", "edgecity/pk-test-001/state: expected a JSON object, got Array")]
    [InlineData("report", """{"boot":1,"seq":2,"ts":5,"config":"done","version":3}""", "edgecity/pk-test-001/report: field 'config': expected \"applied\" or \"refused\" or \"rolled-back\", got \"done\"")]
    [InlineData("report", """{"boot":1,"seq":2,"ts":5,"config":"applied"}""", "edgecity/pk-test-001/report: field 'version' is missing")]
    [InlineData("firmware", """{}""", "edgecity/pk-test-001/firmware: unknown message kind 'firmware' (expected status, state, heartbeat, alarm or report)")]
    public void Bad_payloads_are_refused_with_a_message_naming_the_topic_field_and_expectation(string kind, string payload, string expected)
    {
        Assert.False(Parse(kind, payload, out var message, out string error));
        Assert.Null(message);
        Assert.Equal(expected, error[..Math.Min(expected.Length, error.Length)]);
    }

    [Fact]
    public void A_configuration_report_is_a_report_message()
    {
        Assert.True(Parse("report", """{"boot":2,"seq":9,"ts":5,"config":"rolled-back","version":4,"appliedVersion":3,"reason":"gateway-unreachable"}""", out var message, out string error), error);
        Assert.Equal(BoardMessageKind.Report, message!.Kind);
        Assert.Equal(9, message.Sequence);
    }

    [Fact]
    public void A_board_publishing_under_another_boards_topic_is_refused()
    {
        Assert.False(BoardMessageParser.TryParse("edgecity/pk-other/state", Board, """{"boot":1,"seq":1,"ts":1,"state":"free"}"""u8, 0, out _, out string error));
        Assert.Equal("edgecity/pk-other/state: client 'pk-test-001' may publish only under edgecity/pk-test-001/", error);
    }

    [Theory]
    [InlineData("edgecity/state")]
    [InlineData("other/pk-test-001/state")]
    [InlineData("edgecity//state")]
    [InlineData("edgecity/pk-test-001/state/extra")]
    public void Topics_outside_the_board_scheme_are_refused(string topic)
    {
        Assert.False(BoardMessageParser.TryParse(topic, Board, "{}"u8, 0, out _, out string error));
        Assert.Contains("expected a topic of the form edgecity/{boardId}/", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            byte[] junk = new byte[random.Next(0, 200)];
            random.NextBytes(junk);
            Assert.False(BoardMessageParser.TryParse($"edgecity/{Board}/state", Board, junk, 0, out _, out string error), $"seed 11, case {i}");
            Assert.NotEmpty(error);
        }
    }

    private static bool Parse(string kind, string payload, out BoardMessage? message, out string error) =>
        BoardMessageParser.TryParse($"edgecity/{Board}/{kind}", Board, Encoding.UTF8.GetBytes(payload), 99, out message, out error);
}
