using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The class characters a plate's background colour allows (<see cref="RegionProfile.ClassesByPlateColour"/>: in Korea a
/// yellow plate is a commercial vehicle's, 바사아자 or 배; a white, light blue or green one a private or rental car's), used
/// on the class Hangul alone. The readers' commonest wrong syllables are exactly such pairs (아/마, 아/어, 바/버, 사/서,
/// 자/저, 바/누): the vowel or consonant that tells commercial from private is the stroke blur and a far plate take first,
/// while the plate's paint is many pixels. Where <see cref="PlateBackgroundColour"/> is sure of the colour, a syllable it
/// rules out is no candidate: removed from the distributions the syllable is read and confirmed from, and a reading that
/// still carries one is refused.
/// </summary>
internal sealed class PlateColourClass
{
    private readonly Dictionary<PlateBackground, IReadOnlySet<string>> _allowed = [];
    private readonly Dictionary<PlateBackground, IReadOnlyList<int>> _hangul = [];

    /// <summary>The profile's colour rules over the classifier's Hangul labels (<paramref name="labels"/>, indexed by <paramref name="sets"/>).</summary>
    public PlateColourClass(RegionProfile profile, IReadOnlyList<string> labels, LabelSets sets)
    {
        foreach ((string colour, IReadOnlySet<string> classes) in profile.ClassesByPlateColour)
        {
            if (!Enum.TryParse(colour, ignoreCase: true, out PlateBackground background) || background == PlateBackground.Unknown)
            {
                throw new InvalidDataException($"Regions/{profile.Name}.json: plateColours: unknown colour '{colour}' (expected white, yellow, blue or green)");
            }

            _allowed[background] = classes;
            _hangul[background] = sets.Hangul.Where(k => classes.Contains(labels[k])).ToArray();
        }
    }

    /// <summary>Whether the profile ties any class to a colour (kr; not eu).</summary>
    public bool Any => _allowed.Count > 0;

    /// <summary>The class characters a plate of <paramref name="colour"/> may carry; null where the colour says nothing.</summary>
    public IReadOnlySet<string>? Allowed(PlateBackground colour) => _allowed.GetValueOrDefault(colour);

    /// <summary>The classifier's Hangul labels a plate of <paramref name="colour"/> may carry (<paramref name="all"/> where the colour says nothing).</summary>
    public IReadOnlyList<int> Hangul(PlateBackground colour, IReadOnlyList<int> all) => _hangul.GetValueOrDefault(colour) ?? all;

    /// <summary>
    /// The least share of the line network's probability the allowed syllables must hold for its class syllable to be read
    /// among them alone (<see cref="Restrict"/>): less, and the network saw a ruled-out syllable so surely that its
    /// distribution says nothing of the others; the reading keeps its syllable and is refused (<see cref="RulesOut"/>).
    /// </summary>
    public const float MinAllowedShare = 0.1f;

    /// <summary>
    /// <paramref name="reading"/> with a ruled-out class syllable read among the <paramref name="allowed"/> ones: its
    /// distribution (<see cref="ReadGlyph.Alternatives"/>, the line network's) cut to them and renormalised, its label,
    /// probability and runner-up those of the allowed syllables given that one of them is on the plate. Unchanged where
    /// the syllable is allowed — a weak allowed syllable is left weak: its weakness was often the network's doubt about the
    /// whole line (85구8107 of 805구8107, 구 0.82, seed 9's scene 92: raised over the floor it passed without the glyph
    /// CNN's confirmation, a false plate) —, has no distribution, or the allowed ones hold less than
    /// <see cref="MinAllowedShare"/> of it.
    /// </summary>
    public static LineReading Restrict(LineReading reading, IReadOnlySet<string> allowed)
    {
        if (reading.Glyphs is not { } glyphs) return reading;
        int slot = LabelSets.ClassSyllableSlot(glyphs);
        if (slot < 0 || allowed.Contains(glyphs[slot].Label) || glyphs[slot].Alternatives is not { } alternatives) return reading;
        var kept = alternatives.Where(kv => allowed.Contains(kv.Key)).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        float share = kept.Sum(kv => kv.Value), total = alternatives.Values.Sum();
        if (kept.Count == 0 || share < MinAllowedShare * total || share >= total) return reading;
        var restricted = glyphs.ToArray();
        restricted[slot] = glyphs[slot] with
        {
            Label = kept[0].Key,
            Probability = kept[0].Value / share,
            RunnerUp = kept.Count > 1 ? kept[1].Value / share : 0,
            Alternatives = kept.ToDictionary(kv => kv.Key, kv => kv.Value / share, StringComparer.Ordinal),
        };
        return SyllableFusion.With(reading, restricted);
    }

    /// <summary>Whether <paramref name="reading"/>'s class syllable is one <paramref name="allowed"/> rules out.</summary>
    public static bool RulesOut(LineReading reading, IReadOnlySet<string> allowed) =>
        reading.Glyphs is { } glyphs && LabelSets.ClassSyllableSlot(glyphs) is >= 0 and var slot && !allowed.Contains(glyphs[slot].Label);
}
