using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.Reading;

/// <summary>Indices of the classifier's labels by glyph class, for the layouts to restrict a box to the class its position allows.</summary>
internal sealed class LabelSets
{
    public LabelSets(IGlyphClassifier classifier)
    {
        var labels = classifier.Labels;
        int[] Where(Func<string, bool> f) => Enumerable.Range(0, labels.Count).Where(i => f(labels[i])).ToArray();
        Digits = Where(l => l.Length == 1 && char.IsAsciiDigit(l[0]));
        Hangul = Where(l => l.Length == 1 && IsHangulSyllable(l[0]));
        RegionSideBySide = Where(l => l.StartsWith("R:", StringComparison.Ordinal));
        RegionStacked = Where(l => l.StartsWith("S:", StringComparison.Ordinal));
        Latin = Where(l => l.Length == 1 && (char.IsAsciiLetterUpper(l[0]) || char.IsAsciiDigit(l[0])));
        JunkIndex = classifier.IndexOf(GlyphClassifier.Junk);
    }

    /// <summary>A precomposed Hangul syllable (가–힣): a class Hangul, or one syllable of a region name.</summary>
    public static bool IsHangulSyllable(char c) => c is >= '가' and <= '힣';

    /// <summary>
    /// The place of a reading's one class Hangul (a single syllable; a region name's label is two); -1 where it has none or
    /// more than one. The rules that judge the class syllable alone (ClassWindowDissent, PlateColourClass) ask it here.
    /// </summary>
    public static int ClassSyllableSlot(IReadOnlyList<ReadGlyph> glyphs)
    {
        int slot = -1;
        for (int i = 0; i < glyphs.Count; i++)
        {
            string label = glyphs[i].Label;
            if (label.Length != 1 || !IsHangulSyllable(label[0])) continue;
            if (slot >= 0) return -1;
            slot = i;
        }

        return slot;
    }

    /// <summary>
    /// A label as read on the plate: the glyph CNN's region names carry how they are printed ("S:서울" stacked, "R:서울"
    /// side by side), the line network's and the plate's text do not.
    /// </summary>
    public static string Plain(string label) => label.Length > 2 && label[1] == ':' ? label[2..] : label;

    /// <summary>Index of the junk label, −1 if the model has none.</summary>
    public int JunkIndex { get; }

    public IReadOnlyList<int> Digits { get; }

    public IReadOnlyList<int> Hangul { get; }

    public IReadOnlyList<int> RegionSideBySide { get; }

    public IReadOnlyList<int> RegionStacked { get; }

    public IReadOnlyList<int> Latin { get; }
}
