namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// Where the board's MQTT connection goes. Implemented by the uplink transport; a configuration that moves
    /// the board to another gateway (or port) calls it, and the next <see cref="IUplinkTransport.Connect"/> uses it.
    /// </summary>
    public interface IGatewayEndpoint
    {
        /// <summary>Points the next connection at <paramref name="host"/>:<paramref name="port"/> (1–65535).</summary>
        void SetGateway(string host, int port);
    }
}
