using System.Collections.Frozen;

namespace EdgeCity.Anpr.Regions;

/// <summary>
/// A region's plates as data (Regions/*.json, embedded): the glyph classes a reader must tell apart and the formats a
/// reading must match. The engine is not tied to one script: Korean (Hangul, digits, region names) and European
/// (Latin) are two profiles of the same pipeline.
/// </summary>
public sealed class RegionProfile
{
    internal RegionProfile(string name, string description, IReadOnlyDictionary<string, IReadOnlyList<string>> glyphClasses, IReadOnlyList<PlateFormat> formats,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? classesByPlateColour = null)
    {
        ClassesByPlateColour = (classesByPlateColour ?? new Dictionary<string, IReadOnlySet<string>>()).ToFrozenDictionary(StringComparer.Ordinal);
        Name = name;
        Description = description;
        GlyphClasses = glyphClasses.ToFrozenDictionary(StringComparer.Ordinal);
        Formats = formats;
        Layouts = formats.Select(f => f.Layout).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Region name: kr, eu.</summary>
    public string Name { get; }

    /// <summary>What the profile covers.</summary>
    public string Description { get; }

    /// <summary>Glyph class name (digit, hangul, region, latin) → its labels (single characters or region names).</summary>
    public FrozenDictionary<string, IReadOnlyList<string>> GlyphClasses { get; }

    /// <summary>Formats, in the order they are tried.</summary>
    public IReadOnlyList<PlateFormat> Formats { get; }

    /// <summary>
    /// Plate background colour (white, yellow, blue, green) → the class characters a plate of that colour may carry, by law
    /// (kr: a yellow plate is a commercial or delivery vehicle's, a white one a private or rental car's); empty where the
    /// region's plate colours say nothing of the text (eu). From the profile's <c>plateColours</c> (colour → uses) and
    /// <c>hangulUse</c> (use → syllables).
    /// </summary>
    public FrozenDictionary<string, IReadOnlySet<string>> ClassesByPlateColour { get; }

    /// <summary>
    /// Whether a plate whose background is <paramref name="colour"/> (white, yellow, blue, green) may carry a region name:
    /// some format with one (<see cref="PlateFormat.NamesRegion"/>) is issued in that colour, or does not say. kr: only
    /// green and yellow plates do, so a reading of a white or blue plate led by its class digits is a whole plate, no
    /// regional plate's tail.
    /// </summary>
    public bool MayCarryRegionName(string colour) =>
        Formats.Any(f => f.NamesRegion && (f.Colours is null || f.Colours.Contains(colour)));

    /// <summary>The distinct layouts of <see cref="Formats"/>.</summary>
    public IReadOnlyList<string> Layouts { get; }

    /// <summary>The first format <paramref name="text"/> is valid in, or null.</summary>
    public PlateFormat? Validate(string text) => Formats.FirstOrDefault(f => f.Matches(text));

    /// <summary>
    /// The format <paramref name="text"/> matches, preferring one of <paramref name="layout"/>: a stacked-region and a
    /// two-line plate read the same text (서울12가3456), and only how it was laid out tells which one it is.
    /// </summary>
    public PlateFormat? Validate(string text, string layout) =>
        Formats.FirstOrDefault(f => f.Layout == layout && f.Matches(text)) ?? Validate(text);

    /// <summary>The profile named <paramref name="name"/> (kr, eu) from the embedded data.</summary>
    /// <exception cref="ArgumentException">No such region.</exception>
    public static RegionProfile Load(string name) => RegionProfileLoader.Load(name);

    /// <summary>Names of the embedded profiles.</summary>
    public static IReadOnlyList<string> Names => RegionProfileLoader.Names;
}
