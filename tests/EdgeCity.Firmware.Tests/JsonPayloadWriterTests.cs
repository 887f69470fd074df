using System.Text;
using System.Text.Json;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests;

public class JsonPayloadWriterTests
{
    [Fact]
    public void A_message_with_every_field_kind_parses_as_the_same_JSON()
    {
        var writer = new JsonPayloadWriter(new byte[256]);
        writer.Begin();
        writer.String("state", "occupied");
        writer.Number("zero", 0);
        writer.Number("negative", -1234);
        writer.Number("min", long.MinValue);
        writer.Number("max", long.MaxValue);
        writer.Boolean("online", true);
        Assert.True(writer.End());

        using var json = JsonDocument.Parse(Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length));
        var root = json.RootElement;
        Assert.Equal("occupied", root.GetProperty("state").GetString());
        Assert.Equal(0, root.GetProperty("zero").GetInt64());
        Assert.Equal(-1234, root.GetProperty("negative").GetInt64());
        Assert.Equal(long.MinValue, root.GetProperty("min").GetInt64());
        Assert.Equal(long.MaxValue, root.GetProperty("max").GetInt64());
        Assert.True(root.GetProperty("online").GetBoolean());
    }

    [Fact]
    public void Quotes_and_backslashes_are_escaped_and_non_ascii_is_replaced()
    {
        var writer = new JsonPayloadWriter(new byte[64]);
        writer.Begin();
        writer.String("text", "a\"b\\c\u00e9\n");
        writer.End();

        using var json = JsonDocument.Parse(Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length));
        Assert.Equal("a\"b\\c??", json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void A_message_too_long_for_the_buffer_is_reported_as_overflowed_and_never_writes_past_it()
    {
        var buffer = new byte[16];
        var writer = new JsonPayloadWriter(buffer);
        writer.Begin();
        writer.String("state", "a-rather-long-value");
        writer.Number("n", 123456789);

        Assert.False(writer.End());
        Assert.True(writer.Overflowed);
        Assert.Equal(16, writer.Length);
    }
}
