using System.Globalization;
using System.Text.Json.Nodes;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// A boards.json for a benchmark: the shipped one, with its bays cloned (new ids and labels, same lot and
/// place) until there are as many as wanted, validated like any inventory.
/// </summary>
internal static class BenchInventory
{
    /// <summary>Writes the inventory to <paramref name="target"/>; returns the ids of <paramref name="boards"/> bays.</summary>
    public static List<string> Write(string source, string target, int boards, int seed)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(source))!;
        var bays = root["bays"]!.AsArray();
        int shipped = bays.Count;
        for (int i = 0; bays.Count < boards; i++)
        {
            JsonNode clone = bays[i % shipped]!.DeepClone();
            clone["id"] = string.Create(CultureInfo.InvariantCulture, $"pk-bench-{i:0000}");
            clone["label"] = string.Create(CultureInfo.InvariantCulture, $"B-{i:0000}");
            bays.Add(clone);
        }

        // A relative "$schema" would no longer resolve from the temporary folder.
        root.AsObject().Remove("$schema");
        File.WriteAllText(target, root.ToJsonString());
        var random = new Random(seed);
        return BoardInventoryLoader.Load(target).Bays.Select(b => b.Id).OrderBy(_ => random.Next()).Take(boards).ToList();
    }
}
