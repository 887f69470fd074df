using System.Text;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// Reads a rectified line as a whole with the line network (<see cref="CrnnLineModel"/>): no segmentation, so
/// characters glued by motion blur or split into Hangul parts are read like any other. The main line is decoded
/// (<see cref="CtcDecoder"/>, only the region's tokens); when it reads as a two-line plate's lower line (a Hangul and
/// four digits) and the region has two-line plates, the strip above it is read by the same network for the region
/// name and the class digits. Each character's confidence is its token's highest probability along its span; the
/// reading's is their geometric mean, as for the glyph reader, and its layout that of the format it matches.
/// </summary>
internal sealed class CrnnLineReader
{
    /// <summary>
    /// Widest main line read, px of <see cref="CrnnLineImage"/>: a plate's line with the rectifier's margins is at most
    /// ~8 character heights (~200 px; a stacked region plate's); wider rows are long runs of other things (a grille,
    /// windows, a sign's words): a tenth of a frame's rows and a fifth of the network's time, with no plate read
    /// among them in 100 benchmark scenes.
    /// </summary>
    public const int MaxWidth = 260;

    /// <summary>
    /// Narrowest main line read, px: the shortest plate lines (three EU characters, a two-line plate's lower line)
    /// are wider; a third of a frame's rows are narrower, with 1 plate read among 413 of them in 100 benchmark scenes.
    /// </summary>
    public const int MinWidth = 110;

    private readonly CrnnLineModel _model;
    private readonly RegionProfile _profile;
    private readonly bool[] _allowed;
    private readonly bool[] _region;
    private readonly bool[] _digit;
    private readonly bool _twoLine;
    private readonly bool _stacked;
    private readonly double _sureCharacter;
    private readonly NameWindowModel? _nameWindow;

    /// <param name="model">The network.</param>
    /// <param name="profile">The region read.</param>
    /// <param name="sureCharacter">The recognizer's floor for a network character reported without the glyph classifier's
    /// confirmation (<see cref="RecognizerOptions.MinLineCharacterProbability"/>; see <see cref="LeavesOut"/>).</param>
    /// <param name="nameWindow">The region name's own reader (<see cref="NameWindowFusion"/>), if any.</param>
    public CrnnLineReader(CrnnLineModel model, RegionProfile profile, double sureCharacter, NameWindowModel? nameWindow = null)
    {
        _sureCharacter = sureCharacter;
        _nameWindow = nameWindow;
        _model = model;
        _profile = profile;
        // The region's glyph classes: single characters, and region names as whole words.
        var texts = profile.GlyphClasses.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> tokens = model.Tokens;
        _allowed = new bool[tokens.Count];
        _region = new bool[tokens.Count];
        _digit = new bool[tokens.Count];
        for (int t = 1; t < tokens.Count; t++)
        {
            _region[t] = CrnnTokens.IsRegion(tokens[t]);
            _digit[t] = tokens[t].Length == 1 && char.IsAsciiDigit(tokens[t][0]);
            _allowed[t] = texts.Contains(CrnnTokens.Text(tokens[t]));
        }

        _twoLine = profile.Layouts.Contains(KoreanLayouts.TwoLineRegion);
        _stacked = profile.Layouts.Contains(KoreanLayouts.StackedRegion);
    }

    /// <summary>The line's reading, or null when the network reads nothing there.</summary>
    public LineReading? Read(RectifiedLine line)
    {
        if (CrnnLineImage.MainWidth(line) is < MinWidth or > MaxWidth) return null;
        using Mat? main = CrnnLineImage.Main(line);
        if (main is null) return null;
        List<CtcToken> read = Decode(main, out float[] probabilities);
        if (read.Count == 0) return null;
        ReadWithNameWindow(main, read, probabilities);
        var text = new StringBuilder();
        double logSum = 0, weakest = 1;
        foreach (CtcToken t in read)
        {
            text.Append(CrnnTokens.Text(_model.Tokens[t.Token]));
            logSum += Math.Log(Math.Max(t.Probability, 1e-6));
            weakest = Math.Min(weakest, t.Probability);
        }

        int count = read.Count;
        double scale = (double)line.Width / main.Cols;
        int left = (int)(read[0].FirstColumn * CrnnLineModel.ColumnStride * scale);
        int right = (int)Math.Ceiling((read[^1].LastColumn + 1) * CrnnLineModel.ColumnStride * scale);
        int top = RectifiedLine.MainTop;
        var glyphs = new List<ReadGlyph>();
        if (_twoLine && LooksLikeLowerLine(read))
        {
            using Mat? upper = CrnnLineImage.Upper(line);
            float[] aboveProbabilities = [];
            List<CtcToken> above = upper is null ? [] : Decode(upper, out aboveProbabilities);
            if (above.Count == 3 && _region[above[0].Token] && _digit[above[1].Token] && _digit[above[2].Token])
            {
                text.Insert(0, string.Concat(above.Select(t => CrnnTokens.Text(_model.Tokens[t.Token]))));
                foreach (CtcToken t in above)
                {
                    glyphs.Add(Glyph(default, t, aboveProbabilities, upperStrip: true));
                    logSum += Math.Log(Math.Max(t.Probability, 1e-6));
                    weakest = Math.Min(weakest, t.Probability);
                }

                count += above.Count;
                top = RectifiedLine.MainTop / 4;
            }
        }

        bool leavesOut = LeavesOut(line, read, scale, weakest >= _sureCharacter, out List<GlyphBox>? leftOut);
        string reading = text.ToString();
        // Each main-line character's place: from halfway to the previous character's centre to halfway to the next's
        // (a CTC token's columns are its peak, narrower than the character), the line's full height. The upper strip's
        // characters, first in the list, have none (an empty box).
        for (int k = 0; k < read.Count; k++)
        {
            double centre = Centre(read[k], scale);
            double half = read.Count > 1 ? 0.5 * (k > 0 ? centre - Centre(read[k - 1], scale) : Centre(read[k + 1], scale) - centre) : 0.5 * RectifiedLine.CharHeight;
            double halfRight = read.Count > 1 ? 0.5 * (k + 1 < read.Count ? Centre(read[k + 1], scale) - centre : centre - Centre(read[k - 1], scale)) : half;
            int x0 = Math.Max(0, (int)(centre - half)), x1 = Math.Min(line.Width, (int)Math.Ceiling(centre + halfRight));
            var box = new GlyphBox(x0, RectifiedLine.MainTop, Math.Max(1, x1 - x0), RectifiedLine.MainBottom - RectifiedLine.MainTop);
            glyphs.Add(Glyph(box, read[k], probabilities));
        }

        string layout = _profile.Validate(reading)?.Layout ?? "crnn";
        if (layout == KoreanLayouts.StackedRegion && !_region[read[0].Token]) layout = KoreanLayouts.TwoLineRegion;
        var extent = new GlyphBox(left, top, Math.Max(1, right - left), RectifiedLine.MainBottom - top);
        return new LineReading(reading, layout, logSum, Math.Exp(logSum / count), extent, weakest, leavesOut, glyphs, leftOut);
    }

    private List<CtcToken> Decode(Mat image, out float[] probabilities)
    {
        probabilities = _model.Run(image, out int columns);
        return CtcDecoder.Greedy(probabilities, columns, _model.Tokens.Count, _allowed);
    }

    /// <summary>
    /// The glyph of token <paramref name="t"/>; a class Hangul with <see cref="ReadGlyph.Alternatives"/>: each Hangul
    /// syllable the region allows at its highest probability along the token's columns (as the token's own), normalised
    /// over them (<see cref="SyllableFusion"/>); a two-line plate's class digit (<paramref name="upperStrip"/>) likewise
    /// with each digit, and its region name with each name (<see cref="UpperStripFusion"/>); a stacked region name with each
    /// name as the network alone reads it, its probability perhaps the name window's product (<see cref="SamePlateDispute"/>). Its runner-up is left at 0:
    /// the network's second choice alone did not tell its right class Hangul from its wrong ones (refusing its readings as
    /// coin tosses by it, as the glyph reader's are, lost 6 plates on the bench and turned one wrong reading of another row
    /// into a false plate).
    /// </summary>
    private ReadGlyph Glyph(GlyphBox box, CtcToken t, float[] probabilities, bool upperStrip = false)
    {
        IReadOnlyList<string> tokens = _model.Tokens;
        string text = CrnnTokens.Text(tokens[t.Token]);
        bool classDigit = upperStrip && _digit[t.Token];
        // A stacked name's own distribution: its probability may be the name window's product (ReadWithNameWindow).
        bool name = _region[t.Token];
        if (!IsSyllable(tokens[t.Token]) && !classDigit && !name) return new ReadGlyph(box, text, t.Probability, 0);
        Dictionary<string, float> alternatives = Distribution(t, probabilities, k => classDigit ? _digit[k] : name ? _region[k] : IsSyllable(tokens[k]));
        return new ReadGlyph(box, text, t.Probability, 0, alternatives);
    }

    /// <summary>
    /// The network's distribution over the allowed tokens <paramref name="member"/> accepts along token
    /// <paramref name="t"/>'s columns (each at its highest probability there), by text, normalised.
    /// </summary>
    private Dictionary<string, float> Distribution(CtcToken t, float[] probabilities, Func<int, bool> member)
    {
        IReadOnlyList<string> tokens = _model.Tokens;
        var distribution = new Dictionary<string, float>(StringComparer.Ordinal);
        for (int k = 1; k < tokens.Count; k++)
        {
            if (!_allowed[k] || !member(k)) continue;
            float p = 0;
            for (int c = t.FirstColumn; c <= t.LastColumn; c++) p = Math.Max(p, probabilities[(c * tokens.Count) + k]);
            // A name's stacked and side-by-side tokens are one name (its text, as the reading has it).
            string label = CrnnTokens.Text(tokens[k]);
            distribution[label] = Math.Max(distribution.GetValueOrDefault(label), p);
        }

        float total = Math.Max(distribution.Values.Sum(), 1e-6f);
        foreach (string label in distribution.Keys.ToList()) distribution[label] /= total;
        return distribution;
    }

    /// <summary>
    /// Where the main line's first token is a stacked region name the network is unsure of (under
    /// <see cref="NameWindowFusion.MaxNetworkName"/>) and a name window is built in (<see cref="NameWindowModel"/>): the
    /// name read from both (<see cref="NameWindowFusion"/>): <paramref name="read"/>'s first token replaced by the fused
    /// name's stacked token at its fused probability (an unsure window counts too: where the two disagree the fused name
    /// stays under the reported floor; where both only guess alike, it is no surer than the surer of them); a sure network
    /// name is left as read. Either way a name the window hardly gives is no surer than the window's share for it
    /// (<see cref="NameWindowDissent"/>): the window is asked of every stacked name. Not a two-line
    /// plate's upper strip: the network reads those names right on 219 of 222 held-out strips, and a sure window there turned a sure 제주 into 광주 (seed 2's
    /// scene 945, 168 px), which the glyph CNN and the network already settle together (<see cref="UpperStripFusion"/>).
    /// </summary>
    private void ReadWithNameWindow(Mat image, List<CtcToken> read, float[] probabilities)
    {
        if (_nameWindow is null || read.Count < 2 || !_region[read[0].Token]
            || !_model.Tokens[read[0].Token].StartsWith(CrnnTokens.Stacked, StringComparison.Ordinal)) return;
        double centre = ImageCentre(read[0]), pitch = ImageCentre(read[1]) - centre;
        if (pitch < 4) return;
        IReadOnlyDictionary<string, float> window = _nameWindow.Read(image, centre, pitch);
        if (read[0].Probability < NameWindowFusion.MaxNetworkName && NameWindowFusion.Fuse(Distribution(read[0], probabilities, k => _region[k]), window) is { } fused)
        {
            for (int k = 1; k < _model.Tokens.Count; k++)
            {
                if (!_allowed[k] || _model.Tokens[k] != CrnnTokens.Stacked + fused.Name) continue;
                read[0] = read[0] with { Token = k, Probability = fused.Probability };
                break;
            }
        }

        // Whichever name now stands, the network's or the product's: one the window hardly gives is no surer than the
        // window's share for it (NameWindowDissent).
        string name = CrnnTokens.Text(_model.Tokens[read[0].Token]);
        read[0] = read[0] with { Probability = NameWindowDissent.Probability(name, read[0].Probability, window) };
    }

    // A token's centre, px of the network's input image.
    private static double ImageCentre(CtcToken t) => (t.FirstColumn + t.LastColumn + 1) / 2.0 * CrnnLineModel.ColumnStride;

    // A class Hangul's token: one syllable (a region name's is "S:서울" or "R:서울").
    private static bool IsSyllable(string token) => token.Length == 1 && LabelSets.IsHangulSyllable(token[0]);

    /// <summary>
    /// True when a character-sized box stands right before the reading's first character or after its last: the
    /// network read part of the line (a stacked region name it did not see, 14바6438 of 충남14바6438, both a valid
    /// plate; an EU plate's last character), as the glyph reader's layouts reject (KoreanLayouts, LatinLineReader). The
    /// boxes are the segmenter's; the reading's end characters are the boxes under their tokens' columns. After the last
    /// character glued runs are left uncut: ink glued to it is what the network read there (a blurred run is one box, so
    /// nothing is found beside it) unless the run reaches on beyond its place, and the segmenter's cuts of such a run
    /// fall anywhere — a last 0 and 4 cut into pieces 9, 26 and 11 px wide left an 11-px "character" after the reading.
    /// Before the first they are cut: a stacked region name glued to the first digit is the commonest part of a plate
    /// the network leaves out, and uncut runs there took in the car body beyond the plate's end (bench scenes 992, 1030).
    /// <paramref name="leftOut"/>: the boxes beside the ends, when they alone are the reason (the recognizer shows them
    /// to the glyph classifier, <see cref="LeftOutVeto"/>); null for the other reasons.
    /// A line that shows the read characters light on a dark ground (a row of the plate's body, <see cref="InkPolarity"/>)
    /// is asked turned round as well: its own dark boxes are the body's pieces between and beside the characters — the
    /// body's margin before the first digit is a character-sized box there, and refused whole plates the network read
    /// at 0.95–1.00 on three seeds — and a character it left out shows on the turned line too. Only for a reading
    /// <paramref name="sure"/> in every character (<see cref="_sureCharacter"/>): a weaker one, held for agreeing looks
    /// (<c>AgreeingLooks</c>), added the looks of a body's row and its half-pixel shift to a misread's (32배4829 of 32허4829
    /// on four lines, seed 2 scene 417: a false plate). A sure Korean reading that ends whole — its class Hangul and four
    /// digits — is asked nothing after its end (<see cref="EndsWhole"/>): seed 15's 844 698배1891, motion-blurred, whose
    /// lines were refused for what stood beside its last digit.
    /// </summary>
    private bool LeavesOut(RectifiedLine line, List<CtcToken> read, double scale, bool sure, out List<GlyphBox>? leftOut)
    {
        if (!LeavesOutAsShown(line, read, scale, false, sure, out leftOut)) return false;
        if (!sure || read.Count < 2 || !InkPolarity.CharactersLight(line, read.Select(t => Centre(t, scale)).ToList())) return true;
        using RectifiedLine turned = InkPolarity.Inverted(line);
        if (LeavesOutAsShown(turned, read, scale, true, sure, out _)) return true;
        leftOut = null;
        return false;
    }

    // LeavesOut on a line that shows the characters dark on light; inverted: a row of the plate's body turned round, whose
    // warp reaches past the body's right end (LineRectifier.RightExtension) onto the car — dark there, and no character.
    private bool LeavesOutAsShown(RectifiedLine line, List<CtcToken> read, double scale, bool inverted, bool sure, out List<GlyphBox>? leftOut)
    {
        leftOut = null;
        const int h = RectifiedLine.CharHeight;
        double Centre(CtcToken t) => CrnnLineReader.Centre(t, scale);
        static GlyphBox? Under(List<GlyphBox> boxes, double x) => boxes.Where(b => b.X <= x + 1 && b.Right >= x - 1).Select(b => (GlyphBox?)b).FirstOrDefault();
        // A narrow box (under half the end character's width) reaching the band's top or bottom row is a frame's or the
        // rim's edge running on above or below the line, not a 1 (as for the glyph reader's layouts, KoreanLayouts).
        bool CharacterLike(GlyphBox b, GlyphBox end) => b.Width >= 0.25 * h && b.Height >= 0.75 * end.Height && b.Height <= 1.15 * end.Height
            && (b.Width >= 0.5 * end.Width || (b.Y > RectifiedLine.MainTop - 3 && b.Bottom < RectifiedLine.Rows));
        var beside = new List<GlyphBox>(2);
        List<GlyphBox> uncut = GlyphSegmenter.SegmentMain(line, out _, 0.4, cutGlued: false);
        // Half a pitch either side of an end character's centre is its place; a glued run reaching on more than half a
        // character height beyond it holds another character (RS49 of RS449NH, its 9NH one run).
        double pitchRight = read.Count > 1 ? Centre(read[^1]) - Centre(read[^2]) : h;
        if (!(sure && EndsWhole(read)) && Under(uncut, Centre(read[^1])) is { } last)
        {
            if (last.Right > Centre(read[^1]) + (0.5 * pitchRight) + (0.5 * h)) return true;
            beside.AddRange(uncut.Where(b => b.X >= last.Right - 1 && b.X - last.Right < 0.5 * h && CharacterLike(b, last) && !(inverted && b.Right >= line.Width - 1)));
        }

        // A reading that begins with a region name begins where a plate does: nothing before it belongs to the plate.
        if (beside.Count > 0 || _region[read[0].Token])
        {
            leftOut = beside.Count > 0 ? beside : null;
            return beside.Count > 0;
        }

        // The warp reaches 1.1 character heights left of the row; a reading that starts much nearer its edge is one whose
        // row began inside the plate (blur-glued first characters): what stands before it — a stacked region — is not
        // in the image at all.
        if (read[0].FirstColumn * CrnnLineModel.ColumnStride * scale < 0.75 * h) return true;
        List<GlyphBox> boxes = GlyphSegmenter.SegmentMain(line, out _, 0.4);
        if (Under(boxes, Centre(read[0])) is { } under)
        {
            // The first character whole: a piece the segmenter cut off its left is no character before it (CutFirstCharacter).
            GlyphBox first = CutFirstCharacter.Whole(boxes, under, Centre(read[0]), read.Count > 1 ? Centre(read[1]) - Centre(read[0]) : h);
            // What touches the warp's left side reaches beyond it: the car or a frame beyond the plate's end. A stacked
            // region name stands within 1.3 pitches of the first digit, well inside the warp's 1.5 character heights.
            beside.AddRange(boxes.Where(b => b.X > 0 && b.Right <= first.X + 1 && first.X - b.Right < 0.5 * h && CharacterLike(b, first)));
            // Two leading digits with a stacked region name's ink before them: the tail of a regional plate whose name
            // the network did not read (14바6438 of 충남14바6438) — the same place the glyph reader's layouts check.
            if (_stacked && read.Count > 2 && _digit[read[0].Token] && _digit[read[1].Token] && !_digit[read[2].Token])
            {
                double pitch = Centre(read[1]) - Centre(read[0]);
                // A blur-glued first box is wider than a digit; the slot's width bounds go by a digit's.
                if (StackedRegionSlot.Find(boxes, first, pitch, Math.Min(first.Width, 0.8 * pitch)) is not null) return true;
            }
        }

        leftOut = beside.Count > 0 ? beside : null;
        return beside.Count > 0;
    }

    // A Korean reading that ends as every Korean plate does, its class Hangul and four digits: no character after them
    // belongs to the plate (no format is longer there), so what stands beside its end — a rim or frame glued to the last
    // digit under blur, a bolt — is nothing it left out. Before its first character a stacked name may still stand. Asked
    // for a reading sure in every character only (LeavesOut's sure): a weaker one kept from "leaving out" is held as a
    // look, and a misread's look (36로6493 of 36모6493, seed 2's 236) then disputes the lines that agree on the plate.
    private bool EndsWhole(List<CtcToken> read) =>
        (_stacked || _twoLine) && read.Count >= 5 && read.Skip(read.Count - 4).All(t => _digit[t.Token])
        && !_digit[read[^5].Token] && !_region[read[^5].Token];

    // A token's centre, px of the rectified line.
    private static double Centre(CtcToken t, double scale) => (t.FirstColumn + t.LastColumn + 1) / 2.0 * CrnnLineModel.ColumnStride * scale;

    // A Hangul and four digits: all a two-line plate's main line holds.
    private bool LooksLikeLowerLine(List<CtcToken> read) =>
        read.Count == 5 && !_digit[read[0].Token] && !_region[read[0].Token] && read.Skip(1).All(t => _digit[t.Token]);
}
