namespace EdgeCity.Gateway.Downlink;

/// <summary>One retained gateway-to-board message as stored: the latest on its channel.</summary>
/// <param name="BoardId">The board it is for.</param>
/// <param name="Channel">A <see cref="DownlinkChannel"/>.</param>
/// <param name="Payload">The JSON payload, exactly as published.</param>
/// <param name="UpdatedAtMs">When it was last set (Unix ms).</param>
public sealed record DownlinkMessage(string BoardId, string Channel, byte[] Payload, long UpdatedAtMs)
{
    /// <summary>The retained topic it is published on.</summary>
    public string Topic => DownlinkChannel.Topic(BoardId, Channel);
}
