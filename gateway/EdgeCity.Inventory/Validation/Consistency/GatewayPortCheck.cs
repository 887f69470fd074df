using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>The broker and the HTTP API of one gateway cannot listen on the same port.</summary>
internal static class GatewayPortCheck
{
    public static void Run(JsonElement root, ProblemReport report)
    {
        foreach ((JsonElement gateway, string pointer) in LenientJson.Objects(root, "gateways"))
        {
            if (LenientJson.Integer(gateway, "mqttPort") is { } mqtt && LenientJson.Integer(gateway, "httpPort") == mqtt)
            {
                report.AddAt(ValidationProblemKind.Consistency, JsonPointerText.Append(pointer, "httpPort"),
                    $"port {mqtt} is already used by {report.PathOf(JsonPointerText.Append(pointer, "mqttPort"))} (expected different MQTT and HTTP ports)");
            }
        }
    }
}
