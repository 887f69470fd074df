using System.Text.Json.Nodes;

namespace EdgeCity.Testing;

/// <summary>
/// A technician's copy of the shipped boards.json whose gateways' MQTT port is the test broker's, so that the
/// configuration files flash and config push render point simulated boards at it.
/// </summary>
public static class TechnicianInventory
{
    /// <summary>Writes the copy to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, int mqttPort)
    {
        JsonNode inventory = JsonNode.Parse(File.ReadAllText(RepositoryFiles.BoardsJson))!;
        foreach (JsonNode? gateway in inventory["gateways"]!.AsArray())
        {
            gateway!["mqttPort"] = mqttPort;
        }

        inventory["$schema"] = Path.Combine(RepositoryFiles.Root, "boards.schema.json");
        File.WriteAllText(path, inventory.ToJsonString());
        return path;
    }
}
