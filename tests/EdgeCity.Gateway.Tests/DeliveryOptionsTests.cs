using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Upstream;

namespace EdgeCity.Gateway.Tests;

public class DeliveryOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new OutboxOptionsValidator().Validate(null, new OutboxOptions()).Succeeded);
        Assert.True(new UpstreamOptionsValidator().Validate(null, new UpstreamOptions()).Succeeded);
    }

    [Fact]
    public void A_wrong_outbox_setting_is_named_with_its_range_and_unit()
    {
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions { CapacityBytes = 10, TelemetryTtlSeconds = 5, MaxBatchMessages = 0 });
        Assert.Contains("Gateway:Outbox:CapacityBytes: expected 65536 (64 KiB) to 68719476736 (64 GiB) bytes, got 10", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Gateway:Outbox:TelemetryTtlSeconds: expected 60 to 2592000 seconds (30 days), got 5", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Gateway:Outbox:MaxBatchMessages: expected 1 to 10000 messages, got 0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_MQTT_upstream_needs_a_host_and_a_topic_without_wildcards()
    {
        var options = new UpstreamOptions { Kind = UpstreamKind.Mqtt, Mqtt = { Host = "", Topic = "city/#" } };
        var result = new UpstreamOptionsValidator().Validate(null, options);
        Assert.Contains("Gateway:Upstream:Mqtt:Host: expected the city broker's host name or address, got nothing", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Gateway:Upstream:Mqtt:Topic: expected a topic name without wildcards, got 'city/#'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_NGSI_LD_upstream_needs_an_http_url()
    {
        var result = new UpstreamOptionsValidator().Validate(null, new UpstreamOptions { Kind = UpstreamKind.NgsiLdHttp, NgsiLd = { BaseUrl = "ftp://x" } });
        Assert.Contains("Gateway:Upstream:NgsiLd:BaseUrl: expected an http:// or https:// URL of the context broker, got 'ftp://x'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pk-1", "edgecity/pk-1/state", true)]
    [InlineData("pk-1", "edgecity/pk-1/alarm", true)]
    [InlineData("pk-1", "edgecity/pk-2/state", false)]
    [InlineData("pk-1", "edgecity/pk-1", false)]
    [InlineData("pk-1", "edgecity/pk-10/state", false)]
    [InlineData("pk-1", "edgecity/#", false)]
    [InlineData("pk/1", "edgecity/pk/1/state", false)]
    [InlineData("", "edgecity//state", false)]
    public void A_board_may_use_only_topics_under_its_own_id(string clientId, string topic, bool allowed) =>
        Assert.Equal(allowed, TopicAccessControl.MayPublish(clientId, topic));
}
