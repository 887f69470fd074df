using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// The ACL: a board publishes only under <c>edgecity/{its own id}/</c>, never on its downlink
/// (<c>edgecity/{id}/down/…</c>, which only the gateway writes), and subscribes only to its downlink. Its MQTT
/// client id is its board id, checked against its credentials when it connected.
/// </summary>
public static class TopicAccessControl
{
    /// <summary>True when client <paramref name="clientId"/> may publish on <paramref name="topic"/>.</summary>
    public static bool MayPublish(string clientId, string topic) =>
        IsUnderOwnRoot(clientId, topic) && !IsOwnDownlink(clientId, topic);

    /// <summary>True when client <paramref name="clientId"/> may subscribe to <paramref name="filter"/> (no wildcard above its own root).</summary>
    public static bool MaySubscribe(string clientId, string filter) =>
        IsUnderOwnRoot(clientId, filter) && IsOwnDownlink(clientId, filter);

    private static bool IsOwnDownlink(string clientId, string topic)
    {
        int level = BoardTopics.Root.Length + clientId.Length + 1;
        return string.CompareOrdinal(topic, level, BoardTopics.DownlinkLevel, 0, BoardTopics.DownlinkLevel.Length) == 0
            && topic.Length > level + BoardTopics.DownlinkLevel.Length;
    }

    private static bool IsUnderOwnRoot(string clientId, string topic)
    {
        // edgecity/{clientId}/…, with at least one more level; the id itself must not smuggle in a level or a wildcard.
        int root = BoardTopics.Root.Length;
        return clientId.Length > 0
            && clientId.AsSpan().IndexOfAny("/+#") < 0
            && topic.Length > root + clientId.Length + 1
            && topic.StartsWith(BoardTopics.Root, StringComparison.Ordinal)
            && string.CompareOrdinal(topic, root, clientId, 0, clientId.Length) == 0
            && topic[root + clientId.Length] == '/';
    }
}
