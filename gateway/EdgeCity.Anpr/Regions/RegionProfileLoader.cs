using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeCity.Anpr.Regions;

/// <summary>Reads the embedded Regions/*.json into <see cref="RegionProfile"/>s; a bad file names the field and what was expected.</summary>
internal static class RegionProfileLoader
{
    private static readonly ConcurrentDictionary<string, RegionProfile> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = ["kr", "eu"];

    public static RegionProfile Load(string name)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"unknown region '{name}' (expected one of: {string.Join(", ", Names)})", nameof(name));
        }

        return Cache.GetOrAdd(name, n =>
        {
            string resource = $"region-{n}.json";
            using Stream stream = typeof(RegionProfileLoader).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded resource {resource} is missing from EdgeCity.Anpr");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), $"Regions/{n}.json");
        });
    }

    /// <summary>Parses one profile; <paramref name="file"/> names it in errors.</summary>
    public static RegionProfile Parse(string json, string file)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        string region = String(root, "region", file);
        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (JsonProperty c in Property(root, "glyphClasses", file).EnumerateObject())
        {
            classes[c.Name] = c.Value.ValueKind switch
            {
                JsonValueKind.String => c.Value.GetString()!.Select(ch => ch.ToString()).ToArray(),
                JsonValueKind.Array => c.Value.EnumerateArray().Select(e => e.GetString() ?? "").ToArray(),
                _ => throw new InvalidDataException($"{file}: glyphClasses.{c.Name}: expected a string of characters or an array of names"),
            };
        }

        var formats = new List<PlateFormat>();
        int i = 0;
        foreach (JsonElement f in Property(root, "formats", file).EnumerateArray())
        {
            string where = $"formats[{i++}]";
            string pattern = String(f, "pattern", $"{file}: {where}");
            string expanded = Regex.Replace(pattern, @"\{([a-z]+)\}", m =>
                classes.TryGetValue(m.Groups[1].Value, out var labels)
                    ? "(?:" + string.Join('|', labels.Select(Regex.Escape)) + ")"
                    : throw new InvalidDataException($"{file}: {where}.pattern: unknown glyph class '{m.Groups[1].Value}' (expected one of: {string.Join(", ", classes.Keys)})"));
            var format = new PlateFormat(String(f, "name", $"{file}: {where}"), String(f, "layout", $"{file}: {where}"),
                new Regex("^" + expanded + "$", RegexOptions.CultureInvariant), String(f, "example", $"{file}: {where}"))
            {
                Colours = Colours(f, $"{file}: {where}.colours"),
                NamesRegion = pattern.StartsWith("{region}", StringComparison.Ordinal),
            };
            if (!format.Matches(format.Example))
            {
                throw new InvalidDataException($"{file}: {where}: example '{format.Example}' does not match its own pattern");
            }

            formats.Add(format);
        }

        return new RegionProfile(region, root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "", classes, formats, ClassesByPlateColour(root, file));
    }

    // plateColours (colour → uses) through hangulUse (use → its characters): colour → the characters it may carry.
    private static Dictionary<string, IReadOnlySet<string>> ClassesByPlateColour(JsonElement root, string file)
    {
        var byColour = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("plateColours", out JsonElement colours)) return byColour;
        JsonElement uses = Property(root, "hangulUse", file);
        foreach (JsonProperty colour in colours.EnumerateObject())
        {
            var characters = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonElement use in colour.Value.EnumerateArray())
            {
                string name = use.GetString() ?? "";
                string text = uses.TryGetProperty(name, out JsonElement t) ? t.GetString() ?? ""
                    : throw new InvalidDataException($"{file}: plateColours.{colour.Name}: unknown use '{name}' (expected one of hangulUse's)");
                characters.UnionWith(text.Select(c => c.ToString()));
            }

            byColour[colour.Name] = characters;
        }

        return byColour;
    }

    /// <summary>The plate colours a plate's background may show (<c>PlateBackground</c>'s names but Unknown).</summary>
    public static IReadOnlyList<string> PlateColourNames { get; } = ["white", "yellow", "blue", "green"];

    // A format's optional colours: the plate colours it is issued in; null where the profile does not say.
    private static HashSet<string>? Colours(JsonElement format, string where)
    {
        if (!format.TryGetProperty("colours", out JsonElement colours)) return null;
        if (colours.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{where}: expected an array of colours ({string.Join(", ", PlateColourNames)})");
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement c in colours.EnumerateArray())
        {
            string name = c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            if (!PlateColourNames.Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{where}: unknown colour {c.GetRawText()} (expected one of: {string.Join(", ", PlateColourNames)})");
            }

            set.Add(name);
        }

        return set;
    }

    private static JsonElement Property(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out JsonElement value) ? value : throw new InvalidDataException($"{where}: missing field '{name}'");

    private static string String(JsonElement e, string name, string where) =>
        Property(e, name, where).GetString() ?? throw new InvalidDataException($"{where}: field '{name}' must be a string");
}
