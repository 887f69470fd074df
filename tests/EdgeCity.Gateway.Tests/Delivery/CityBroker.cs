using System.Globalization;
using EdgeCity.DeliveryRig;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>How the delivery tests run the city's broker and point the gateway at it.</summary>
internal static class CityBroker
{
    /// <summary>The topic the gateway publishes NGSI-LD batches on.</summary>
    public const string Topic = "city/ngsi-ld/entities";

    /// <summary>Persistent and unlimited: whatever is lost in a test is the gateway's doing, not the city broker's.</summary>
    public static MosquittoSettings Settings { get; } = new() { Persistence = true, MaxQueuedMessages = 0, MaxInflightMessages = 100 };

    /// <summary>Gateway configuration for forwarding to the city broker on <paramref name="port"/>.</summary>
    public static Dictionary<string, string?> GatewaySettings(int port) => new()
    {
        ["Gateway:Upstream:Kind"] = "Mqtt",
        ["Gateway:Upstream:Mqtt:Host"] = "127.0.0.1",
        ["Gateway:Upstream:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Gateway:Upstream:Mqtt:UseTls"] = "false",
        ["Gateway:Upstream:Mqtt:Topic"] = Topic,
        ["Gateway:Upstream:ReconnectMinDelayMs"] = "100",
        ["Gateway:Upstream:ReconnectMaxDelayMs"] = "500",
    };
}
