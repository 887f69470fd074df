namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// The board's MQTT connection, reduced to what the firmware needs. Implementations: MQTTnet on the host,
    /// nanoFramework.M2Mqtt on a device. Calls block; a failed call returns false and never throws.
    /// </summary>
    public interface IUplinkTransport
    {
        /// <summary>True while the session with the broker is up.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Opens a session as <paramref name="clientId"/>, registering a retained last will that the broker
        /// publishes if the board disappears.
        /// </summary>
        bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength);

        /// <summary>Publishes the first <paramref name="length"/> bytes of <paramref name="payload"/> with QoS 1.</summary>
        bool Publish(string topic, byte[] payload, int length, bool retain);

        /// <summary>Closes the session cleanly (no last will).</summary>
        void Disconnect();
    }
}
