using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Downlink;

/// <summary>The MQTT form of every downlink message, whichever broker carries it: QoS 1 and retained.</summary>
public static class RetainedDownlinkMessage
{
    /// <summary>Builds the message for <paramref name="topic"/>.</summary>
    public static MqttApplicationMessage Build(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .Build();
}
