using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Rows through a plate's body for a frame whose rows read no plate: the main text lines of the plate-shaped bodies
/// (<see cref="PlateBody"/>) around the rows on which a reader read a plate's worth of text it could not report.
/// </summary>
/// <remarks>
/// Most plates lost to motion blur have rows holding part of the plate: blurred characters glue to each other and the
/// rim, so the half-resolution blobs give a short or broken row, and the warp fitted through those characters is short,
/// crooked or at the wrong scale. The body around the row is found by its own long edges and colour, which the blur
/// leaves in place, and the text line its proportions give is read as any row is, under every rule.
/// </remarks>
internal static class PlateBodyRows
{
    /// <summary>Rows whose bodies are looked for, those on which the readers read most first.</summary>
    public const int MaxRows = 4;

    /// <summary>Bodies read per row, the best-edged first.</summary>
    public const int MaxBodiesPerRow = 3;

    /// <summary>
    /// Characters a reader must have read on a row (reported or not) for its body to be looked for: two. A frame without a
    /// plate has rows of signs, grilles and walls that read a character; looking around every row that read anything cost
    /// such frames 5–10 ms median (wip/anbody), around those that read two +4.5 ms (seed 1's 102, back to back). A plate's worth (4, as a blurred row's second chance,
    /// <see cref="BlurredSecondChance.MinTextRead"/>), tuned on the benchmark's seed alone, lost on the seeds no rule was
    /// tuned on plates whose only rows read two or three characters: a turned sharp two-line or stacked plate whose row
    /// held the upper line or a part of the main one, a blurred plate's glued row (wip/anseed2: +2 plates in 2,000 scenes
    /// of seed 1, +2 and +3 in 1,000 of seeds 2 and 3, no false plate more).
    /// </summary>
    public const int MinTextRead = 2;

    /// <summary>
    /// Bodies whose line, read as found, read nothing that are read again a half pixel above and below (the likeliest
    /// first): a body's edges are located to about a pixel (an anti-aliased or blurred edge, JPEG), and the readers'
    /// cuts of a glued line flip with a half-pixel shift of its warp; each costs two readings (~1 ms each).
    /// </summary>
    public const int MaxShiftedBodies = 4;

    /// <summary>
    /// Characters a reader must have read on a body's line (either warp, reported or not) for it to be read again shifted
    /// (<see cref="MaxShiftedBodies"/>): a line on which neither reader read any text is most often no plate's (a frame
    /// with no plate has bodies of bumpers, windows and signs), and the shifted readings cost the frames with no plate
    /// most of the retry's ~1.6 ms CPU (mean of the bench's 102).
    /// </summary>
    public const int MinShiftedTextRead = 1;

    /// <summary>The half-pixel shift of a body's line read again (<see cref="MaxShiftedBodies"/>).</summary>
    public const float Shift = 0.5f;

    /// <summary>
    /// What a body's line read a half pixel <paramref name="above"/> and <paramref name="below"/> (<see cref="Shift"/>)
    /// reports: the plate both read (the surer reading), since a reading that stands on two warps a pixel apart is no
    /// accident of one sampling — either alone reads misreads as often as plates (a stacked plate's tail, 13아3984 of
    /// 606's, at one shift). Or, where one read nothing, the other's reading if it is a whole plate with its region
    /// name (two-line or stacked, the name first) and surer than <see cref="MinSureAloneConfidence"/>: a far two-line
    /// plate's found body is often off by more than the shift (its top on the frame above the plate), the refit through
    /// its characters then reads the plate on one warp only; and a tail or a part of a plate has no name before its
    /// class digits, a misread whole plate that a sign or a grille gives is not this sure — unless another line of the
    /// frame read the place otherwise (<paramref name="disputed"/>: <see cref="AgreeingLooks.Disputes"/>). A plate led by
    /// its class digits stands so too where its colour carries no region name (<paramref name="nameless"/>: white or blue in
    /// Korea, <see cref="MayReport"/>), for then it is no regional plate's tail (seed 11's 318 70나4306, white, one shift
    /// at 1.00). Two different readings: none.
    /// </summary>
    public static PlateReading? ShiftedReading(PlateReading? above, PlateReading? below, Func<PlateReading, bool>? disputed = null, Func<PlateReading, bool>? nameless = null) => (above, below) switch
    {
        ({ } a, { } b) => a.Text == b.Text ? (b.Confidence > a.Confidence ? b : a) : null,
        ({ } a, null) => SureAlone(a, disputed, nameless) ? a : null,
        (null, { } b) => SureAlone(b, disputed, nameless) ? b : null,
        _ => null,
    };

    /// <summary>
    /// How sure a whole named plate read on one shift alone must be (<see cref="ShiftedReading"/>; geometric mean). Set
    /// at 0.99 for the one plate that made the rule (bench scene 1017, read at 1.00; the named false plate then seen
    /// was at 0.60); on thirteen seeds the right plates one shift alone read were at 0.97–0.99 (seed 1's 1471 0.972, seed
    /// 11's 11 0.983, seed 6's 207 0.987, seed 2's 330 0.989) and the wrong ones at 0.98 too (seed 5's 991 대전25사5010,
    /// 0.984, which another line's look disputes, <see cref="AgreeingLooks.Disputes"/>; seed 12's 145 광주35바6968, 0.981):
    /// the confidence does not tell them apart there, and 0.95 reads the five for the one (docs/anpr.md, session 23).
    /// </summary>
    public const double MinSureAloneConfidence = 0.95;

    private static bool SureAlone(PlateReading reading, Func<PlateReading, bool>? disputed, Func<PlateReading, bool>? nameless) =>
        reading.Confidence >= MinSureAloneConfidence && reading.Text.Length > 0
        && (LabelSets.IsHangulSyllable(reading.Text[0]) || nameless?.Invoke(reading) == true) && disputed?.Invoke(reading) != true;

    /// <summary>
    /// Whether <paramref name="reading"/> of <paramref name="body"/>'s main line may be reported. Not a Korean reading led
    /// by class digits (a stacked plate's tail, 78배2929 of 전남78배2929, reads as such a plate) where the body says there
    /// is more: a body of two-line aspect (a two-line plate's class digits are on its upper line, so a line led by them is
    /// a single-line plate's whose body was found wrongly, its top on something above the plate), or a body reaching
    /// <see cref="MaxLeadIn"/> of its height or more before the reading's box (a plate led by its class digits has only
    /// its margin, ~0.25 of the height, before them; a stacked plate's name, ~0.8 of it wide, stands there). A reading
    /// led by three class digits (123가4567) is reported whatever the body: no stacked or two-line plate has them, so it
    /// is no such plate's tail (seed 10's 687 521호6283, read right with a two-line body's lead-in, refused before). So is
    /// one whose plate is <paramref name="nameless"/>: its background colour, measured sure, is one no plate with a region
    /// name is issued in (<see cref="Regions.RegionProfile.MayCarryRegionName"/>; in Korea white and blue plates have none,
    /// the regional ones are green or yellow), so the body's room before the digits holds no name.
    /// </summary>
    public static bool MayReport(PlateBody body, PlateReading reading, bool nameless = false)
    {
        string text = reading.Text;
        bool ledByDigits = text.Length > 0 && char.IsAsciiDigit(text[0]) && text.Any(LabelSets.IsHangulSyllable);
        return !ledByDigits || ThreeClassDigits(text) || nameless || (!body.TwoLine && reading.X - body.Left < MaxLeadIn * body.Height);
    }

    // Three class digits (123가4567, issued since 2019): no stacked or two-line plate's main line has them, so the
    // reading is no such plate's tail whatever the body around it.
    private static bool ThreeClassDigits(string text) =>
        text.Length >= 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && LabelSets.IsHangulSyllable(text[3]);

    /// <summary>How far before a reading led by class digits its body may begin, in body heights (<see cref="MayReport"/>).</summary>
    public const float MaxLeadIn = 0.6f;

    /// <summary>The bodies around <paramref name="rows"/> (with the characters read on each), likeliest first, no body twice.</summary>
    public static List<PlateBody> Bodies(Mat grey, IEnumerable<(TextLine Row, int TextRead)> rows)
    {
        var bodies = new List<PlateBody>();
        foreach ((TextLine row, _) in rows.Where(r => r.TextRead >= MinTextRead).OrderByDescending(r => r.TextRead).Take(MaxRows))
        {
            foreach (PlateBody body in PlateBody.Find(grey, row).Where(b => !bodies.Any(b.SameAs)).Take(MaxBodiesPerRow))
            {
                bodies.Add(body);
            }
        }

        return bodies;
    }
}
