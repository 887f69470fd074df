using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.LineRecognition;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr;

/// <summary>
/// Reads licence plates in a frame: character-like blobs (both polarities) → rows of characters → each row warped flat
/// (perspective and roll undone) → segmented and read by the region's layouts with a trained glyph classifier →
/// validated against the region's formats → overlapping readings reduced to the most confident; in a frame where no row
/// reads, a second look at full resolution around what almost made a row (far plates). One instance per
/// thread (it keeps native buffers); see docs/anpr.md.
/// </summary>
public sealed class PlateRecognizer : IDisposable
{
    private readonly IGlyphClassifier _classifier;
    private readonly LabelSets _sets;
    private readonly RecognizerOptions _options;
    private readonly ReportFloor _floor;
    private readonly bool _korean;
    private readonly bool _latin;
    private readonly bool _lightText;
    private readonly int _minRowCharacters;
    private readonly CrnnLineModel? _lineModel;
    private readonly CrnnLineReader? _lineReader;
    private readonly ClassWindowModel? _classWindow;
    private readonly NameWindowModel? _nameWindow;
    private readonly HangulSignDetector? _hangulSigns;
    private readonly AgreeingLooks _agreeing = new();
    private readonly RefusedNamedLooks _refusedNamed = new();
    private readonly PlateColourClass? _colourClass;

    // The frame being read (BGR), where the profile ties classes to plate colours and the frame is in colour; whether its
    // colours can be believed (PlateBackgroundColour.FrameShowsColour, asked once a frame, when a line first needs it);
    // the factor from the level's pixels to the frame's.
    private Mat? _colourFrame;
    private bool? _frameShowsColour;
    private double _levelFactor = 1;

    // Light rows of this level that read nothing and may be a light plate's body (LightPlateBody); the best one is read.
    private readonly List<PlateBody> _lightBodies = [];

    /// <summary>A recognizer for <paramref name="profile"/> with its embedded glyph model (the CNN; the HOG + MLP model if no CNN is built in).</summary>
    /// <exception cref="InvalidOperationException">No model has been trained for the region.</exception>
    public PlateRecognizer(RegionProfile profile, RecognizerOptions? options = null)
        : this(profile, (IGlyphClassifier?)CnnGlyphClassifier.LoadEmbedded(profile?.Name ?? "") ?? GlyphClassifier.LoadEmbedded(profile?.Name ?? "")
            ?? throw new InvalidOperationException($"no glyph model for region '{profile?.Name}' is built in: run gateway/EdgeCity.Anpr/Models/train.sh (docs/anpr.md)"), options)
    {
    }

    internal PlateRecognizer(RegionProfile profile, IGlyphClassifier classifier, RecognizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _classifier = classifier;
        _sets = new LabelSets(classifier);
        _options = options ?? new RecognizerOptions();
        _options.Validate();
        _floor = new ReportFloor(_options.MinConfidence, _options.MinGlyphProbability);
        _colourClass = new PlateColourClass(profile, classifier.Labels, _sets) is { Any: true } colourClass ? colourClass : null;
        _korean = profile.Layouts.Any(l => l is KoreanLayouts.DigitsHangulDigits or KoreanLayouts.StackedRegion or KoreanLayouts.TwoLineRegion);
        _latin = profile.Layouts.Contains(LatinLineReader.Layout);
        // Latin plates read among Korean signs: the Korean network, if built in, tells the signs' Hangul.
        if (_latin && !_korean && CnnGlyphClassifier.LoadEmbedded("kr") is { } korean) _hangulSigns = new HangulSignDetector(korean);
        // Light text on a dark plate exists only in Korea (the older green plates); elsewhere that search is skipped.
        _lightText = _korean;
        // Rows of three characters for Latin plates, which can be that short (the EU's short and personalised plates:
        // ZS7); a Korean plate's main line never is.
        _minRowCharacters = _latin ? TextLineFinder.MinCharactersShortPlates : TextLineFinder.MinCharacters;
        if (_options.LineReader != LineReaderMode.Glyphs)
        {
            _lineModel = CrnnLineModel.LoadEmbedded() ?? throw new InvalidOperationException("no line network (Models/crnn.onnx) is built in: run gateway/EdgeCity.Anpr/Models/train.sh (docs/anpr.md)");
            // The region name's own reader, read with the network's name (NameWindowFusion); none built in, none asked.
            if (_korean && !_options.WithoutNameWindow) _nameWindow = NameWindowModel.LoadEmbedded();
            _lineReader = new CrnnLineReader(_lineModel, profile, _options.MinLineCharacterProbability, _nameWindow);
            // The class Hangul's third reader, where the two readers disagree on it (SyllableFusion); none built in, none asked.
            if (_korean) _classWindow = ClassWindowModel.LoadEmbedded();
        }
    }

    /// <summary>
    /// The levels the last <see cref="Read"/> searched (<see cref="ReadingScales.Levels"/>, in order, up to the one that
    /// read a plate) and the CPU ms each took, its resampling included: where a frame's time went.
    /// </summary>
    internal List<(ReadingLevel Level, double CpuMs)> LevelsRead { get; } = [];

    /// <summary>The region read.</summary>
    public RegionProfile Profile { get; }

    /// <summary>Reads the plates in <paramref name="frame"/> (BGR or grey, any size).</summary>
    /// <param name="frame">The image.</param>
    /// <param name="roiMask">Optional 8-bit mask of the frame's size: only non-zero pixels are searched.</param>
    public IReadOnlyList<PlateReading> Read(Mat frame, Mat? roiMask = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty()) return [];
        using StageProfile.Scope profiled = StageProfile.Enter(Stage.Other);
        using var grey = new Mat();
        if (frame.Channels() == 1) frame.CopyTo(grey);
        else Cv2.CvtColor(frame, grey, frame.Channels() == 4 ? ColorConversionCodes.BGRA2GRAY : ColorConversionCodes.BGR2GRAY);
        if (roiMask is not null && (roiMask.Size() != grey.Size() || roiMask.Type() != MatType.CV_8UC1))
        {
            throw new ArgumentException($"ROI mask must be 8-bit, one channel, {grey.Cols}x{grey.Rows}; got {roiMask.Type()} {roiMask.Cols}x{roiMask.Rows}", nameof(roiMask));
        }

        // The frame's levels in turn, until one reads a plate (ReadingScales: plates of every size).
        LevelsRead.Clear();
        _colourFrame = _colourClass is not null && frame.Channels() == 3 ? frame : null;
        _frameShowsColour = null;
        try
        {
            foreach (ReadingLevel level in ReadingScales.Levels(grey.Size()))
            {
                _levelFactor = level.Factor;
                double start = ThreadCpuClock.NowMs();
                IReadOnlyList<PlateReading> readings = level.Factor == 1 ? ReadLevel(grey, roiMask, level) : ReadResampled(grey, roiMask, level);
                LevelsRead.Add((level, ThreadCpuClock.NowMs() - start));
                if (readings.Count > 0) return readings;
            }

            return [];
        }
        finally
        {
            // The caller's frame is not this recognizer's to keep.
            _colourFrame = null;
        }
    }

    // The frame resampled by 1/factor (area averaging down, bicubic up), read, its readings' boxes in frame pixels.
    private List<PlateReading> ReadResampled(Mat grey, Mat? roiMask, ReadingLevel reading)
    {
        double factor = reading.Factor;
        var size = new Size((int)Math.Round(grey.Cols / factor), (int)Math.Round(grey.Rows / factor));
        using var level = new Mat();
        using var levelMask = new Mat();
        Cv2.Resize(grey, level, size, 0, 0, factor > 1 ? InterpolationFlags.Area : InterpolationFlags.Cubic);
        if (roiMask is not null) Cv2.Resize(roiMask, levelMask, size, 0, 0, InterpolationFlags.Nearest);
        double sx = grey.Cols / (double)size.Width, sy = grey.Rows / (double)size.Height;
        return ReadLevel(level, roiMask is null ? null : levelMask, reading)
            .Select(r => r with { X = (int)Math.Round(r.X * sx), Y = (int)Math.Round(r.Y * sy), Width = (int)Math.Round(r.Width * sx), Height = (int)Math.Round(r.Height * sy) })
            .ToList();
    }

    // Reads one level of the frame (the grey frame itself or a resampled copy): the rows the level reads (a coarser level
    // only those too large for the level before, without the second look at far plates, searched before; a finer level
    // read last only those within the search's range, the larger ones read before; a level without the second look does
    // not look for its windows).
    private IReadOnlyList<PlateReading> ReadLevel(Mat grey, Mat? roiMask, ReadingLevel level)
    {
        _agreeing.Clear();
        _lightBodies.Clear();
        _refusedNamed.Clear();
        var windows = new List<SecondLook.Window>();
        List<TextLine> lines = LineSource.Find(grey, roiMask, _lightText, level.SecondLook ? windows : null, _minRowCharacters, level.SecondLook);
        lines.RemoveAll(l => !ReadingScales.Reads(level.Rows, grey.Size(), l.MeanHeight));

        var candidates = new List<PlateReading>();
        var halves = new List<TwoLinePlateRows.Half>();
        var readRows = new List<(TextLine Row, int TextRead)>();
        // Rows of plate-like length first (a plate has 6 to 11 characters; a row of building windows has dozens).
        List<TextLine> rows = lines.OrderBy(l => Math.Abs(l.BlobCount - 8)).Take(_options.MaxLinesPerFrame).ToList();
        foreach (TextLine line in rows.Where(l => l.BlobCount >= TextLineFinder.MinCharacters))
        {
            if (ReadLine(grey, line, halves, readRows) is { } reading) candidates.Add(reading);
        }

        // Rows of three characters (Latin plates: ZS7) only where the longer rows read no plate: most are a word or a
        // number on a sign, a few characters of a car's badge, and each costs a reading (~1 ms; the EU frames' median
        // went 14.7 -> 17.2 ms when every frame read them). A short plate beside a plate read in the same frame is missed,
        // as a far one is by the second look.
        if (candidates.Count == 0)
        {
            foreach (TextLine line in rows.Where(l => l.BlobCount < TextLineFinder.MinCharacters))
            {
                if (ReadLine(grey, line, halves, readRows) is { } reading) candidates.Add(reading);
            }
        }

        // A two-line plate read as two rows, each no plate alone (TwoLinePlateRows).
        if (halves.Count > 1) candidates.AddRange(TwoLinePlateRows.Pair(halves, Profile));
        // An upper line read surely in its own row with no main line under it: the main line where the upper one puts it.
        int uppersTried = 0;
        if (candidates.Count == 0) uppersTried = ReadBelowUppers(grey, halves, candidates, first: 0);
        // A row that may be both lines of a far two-line plate glued column by column: its main line, by the proportions.
        if (candidates.Count == 0) ReadMainLinesOfBoth(grey, level, rows, halves, candidates);

        // The second, full-resolution look at what almost made a row (far plates), only in a frame where no plate was
        // read: each row read costs ~1 ms, and most windows hold no plate; a far car with a near one in view is read
        // as it comes nearer (see docs/anpr.md).
        if (candidates.Count == 0)
        {
            List<TextLine> farRows;
            using (StageProfile.Enter(Stage.SecondLook)) farRows = SecondLook.Search(grey, roiMask, windows, _lightText, lines);
            foreach (TextLine line in farRows)
            {
                if (ReadLine(grey, line, halves, readRows) is { } reading) candidates.Add(reading);
            }

            // The far rows' halves too: a far two-line plate's upper line is often a row of its own only here.
            if (candidates.Count == 0 && halves.Count > 1) candidates.AddRange(TwoLinePlateRows.Pair(halves, Profile));
            if (candidates.Count == 0) uppersTried = ReadBelowUppers(grey, halves, candidates, uppersTried);
            if (candidates.Count == 0) ReadMainLinesOfBoth(grey, level, farRows, halves, candidates);
        }

        // Rows that hold part of a plate (motion blur glued its characters to each other and the rim): the plate's body around
        // them, found by its own edges and colour, gives the text line (PlateBodyRows), read as any row is. Only in a frame
        // where nothing was read, and around rows where a reader read some text.
        // And, where the second look opened windows, the bodies around their plate shapes on which no row read text
        // (PlateShapeBodies): a far plate's body seen whole at half resolution whose characters made no row at full.
        if (candidates.Count == 0 && (readRows.Count > 0 || windows.Exists(w => w.Shapes.Length > 0)))
        {
            List<PlateBody> bodies;
            using (StageProfile.Enter(Stage.PlateBody))
            {
                bodies = PlateBodyRows.Bodies(grey, readRows);
                bodies.AddRange(PlateShapeBodies.Bodies(grey, windows, readRows, bodies));
            }

            // And the light rows that may be a light plate's whole body: the dark text line inside it (LightPlateBody).
            PlateBody? lightBody = LightPlateBody.Best(_lightBodies.Where(b => !bodies.Exists(b.SameAs)));
            var unread = new List<PlateBody>();
            foreach (PlateBody body in bodies)
            {
                if (ReadBody(grey, body, out int textRead) is { } reading) candidates.Add(reading);
                // A body whose line neither reader read any text on is not read again shifted (MinShiftedTextRead).
                else if (textRead >= PlateBodyRows.MinShiftedTextRead) unread.Add(body);
            }

            // Where no body read a plate, the window's plate shapes as their own bodies (PlateShapeBodies.OwnBodies), read
            // and, unread, read again shifted as the others.
            if (candidates.Count == 0)
            {
                List<PlateBody> own;
                using (StageProfile.Enter(Stage.PlateBody)) own = PlateShapeBodies.OwnBodies(grey, windows, bodies);
                foreach (PlateBody body in own)
                {
                    if (ReadBody(grey, body, out int textRead) is { } reading) candidates.Add(reading);
                    else if (textRead >= PlateBodyRows.MinShiftedTextRead) unread.Add(body);
                }
            }

            // Where no body read a plate, the best light body, read once and not shifted (LightPlateBody.Best). Its looks
            // are not held for agreement (AgreeingLooks): its line is cut from the whole body by the plate's proportions,
            // not placed through characters, and a misread there agreed with the rows' own looks on the plate (seed 3's
            // 752: 195호8807 for 195보8680); its own sure readings are reported as any body's.
            if (candidates.Count == 0 && lightBody is not null)
            {
                int looks = _agreeing.Count;
                if (ReadBody(grey, lightBody, out _, lightBody: true) is { } reading) candidates.Add(reading);
                _agreeing.DropFrom(looks, _ => true);
            }

            // Where no body's line read a plate: the likeliest bodies read again a half pixel above and below, reported
            // where both read the same plate, or one a sure whole plate and the other none (PlateBodyRows.ShiftedReading).
            if (candidates.Count == 0)
            {
                foreach (PlateBody body in unread.Take(PlateBodyRows.MaxShiftedBodies))
                {
                    // Each shift's reading is also a look that read the plate (AgreeingLooks): one ShiftedReading refuses
                    // (the other shift read nothing or another text) still counts beside the rows' looks held for a weak
                    // character (seed 1's 606: two rows read 인천13아3984, each refused for a weak digit; one shift of the
                    // body read it at 0.93, the other nothing).
                    PlateReading? above = ReadBody(grey, body.Shifted(-PlateBodyRows.Shift), out _);
                    if (above is not null && _korean) _agreeing.Add(above);
                    PlateReading? below = ReadBody(grey, body.Shifted(PlateBodyRows.Shift), out _);
                    if (below is not null && _korean) _agreeing.Add(below);
                    // A reading one shift read alone stands only where no look held at its place reads another text.
                    if (PlateBodyRows.ShiftedReading(above, below, _agreeing.Disputes, Nameless) is { } reading) candidates.Add(reading);
                    else
                    {
                        NoteAfterLine(nameof(PlateBodyRows.ShiftedReading), above, null);
                        NoteAfterLine(nameof(PlateBodyRows.ShiftedReading), below, null);
                        if (above is not null) Refusals?.Add((nameof(PlateBodyRows.ShiftedReading), above.Text, above.Confidence));
                        if (below is not null) Refusals?.Add((nameof(PlateBodyRows.ShiftedReading), below.Text, below.Confidence));
                    }
                }
            }
        }

        // A region whose plates have dark text only (the EU) searched no light rows: a light plate on a darker car whose dark
        // text made no row (glued to the halo the ink test draws round the plate) is a row of light text there, its body.
        // Only in a frame where nothing else was read, at the frame's own level (LightPlateBody).
        if (candidates.Count == 0 && !_lightText && level.SecondLook) ReadLightBodies(grey, roiMask, candidates);

        // Nothing reported: a reading refused only for a weak character the glyph classifier cannot confirm, that several
        // independently placed lines read alike (AgreeingLooks).
        if (candidates.Count == 0 && _agreeing.Agreed() is { } agreed) candidates.Add(agreed);
        // A stacked plate's tail read on one line where others read its name before it and were refused (RefusedNamedLooks).
        _refusedNamed.DropTails(candidates);
        return Suppress(candidates);
    }

    /// <summary>
    /// The light rows of a frame searched for dark text only (<see cref="LineSource.FindLight"/>) that may be a light plate's
    /// body (<see cref="LightPlateBody.LikelyRows"/>, refitted: <see cref="LightPlateBody.Of"/>): the best-shaped body's dark
    /// text line is read, as a plate body's is (one a frame, not shifted; the Korean recognizer reads its light rows anyway
    /// and takes its bodies from them).
    /// </summary>
    private void ReadLightBodies(Mat grey, Mat? roiMask, List<PlateReading> candidates)
    {
        LightRowSearches++;
        var bodies = new List<PlateBody>();
        foreach (TextLine row in LightPlateBody.LikelyRows(LineSource.FindLight(grey, roiMask, _minRowCharacters)))
        {
            if (LightPlateBody.Of(row, LineRectifier.Refined(grey, row)) is { } body) bodies.Add(body);
        }

        if (LightPlateBody.Best(bodies) is { } best && ReadBody(grey, best, out _) is { } reading) candidates.Add(reading);
    }

    /// <summary>Frames (levels) whose light rows were searched for a light plate's body (<see cref="ReadLightBodies"/>), since this recognizer was made.</summary>
    internal int LightRowSearches { get; private set; }

    /// <summary>
    /// Reads the main line under each upper half of a two-line plate from <paramref name="first"/> on
    /// (<see cref="TwoLinePlateRows.MainLineBelow"/>) and pairs the halves again; returns the halves held after it, where
    /// the next pass starts. The halves this pass's own readings add are not placed from again, now or then: each is a
    /// line placed from another half, and placing from it would read the line it was placed from once more.
    /// Only in a frame where nothing was read: each such line costs a reading (~1 ms), and an upper half with no plate
    /// read in the frame is what a two-line plate whose main line's own rows read nothing leaves.
    /// </summary>
    private int ReadBelowUppers(Mat grey, List<TwoLinePlateRows.Half> halves, List<PlateReading> candidates, int first)
    {
        int count = halves.Count;
        for (int i = first; i < count; i++)
        {
            if (TwoLinePlateRows.MainLineBelow(halves[i]) is { } main && ReadLine(grey, main, halves, null) is { } reading) candidates.Add(reading);
            // The upper line over a lower half, refitted through its own characters but never turned into the main line
            // below it (LineRectifier's upper-line test would find the main line this half came from).
            if (TwoLinePlateRows.UpperLineAbove(halves[i]) is { } upper && ReadLine(grey, upper, halves, null, upperRow: true) is { } whole) candidates.Add(whole);
        }

        if (candidates.Count == 0 && halves.Count > count) candidates.AddRange(TwoLinePlateRows.Pair(halves, Profile));
        return halves.Count;
    }

    /// <summary>
    /// Reads the main line of each of <paramref name="rows"/> that may be a far two-line plate's both lines glued
    /// (<see cref="TwoLinePlate.MayBeBothLines"/>; Korea only), and pairs the halves again. Only in a frame where
    /// nothing was read, as the second look (each costs a reading); at a coarser level only rows whose main line is itself
    /// too large for the level before (<see cref="ReadingScales.ReadsBothLines"/>).
    /// </summary>
    private void ReadMainLinesOfBoth(Mat grey, ReadingLevel level, List<TextLine> rows, List<TwoLinePlateRows.Half> halves, List<PlateReading> candidates)
    {
        if (!_korean) return;
        int count = halves.Count;
        // The rows nearest a plate's proportions first, at most MaxBothLinesRows: a frame with no plate (most of a street
        // camera's) pays for each, and a grille's or a window's rows of tall blobs qualify too.
        IEnumerable<TextLine> both = rows.Where(r => TwoLinePlate.MayBeBothLines(r) && ReadingScales.ReadsBothLines(level.Rows, grey.Size(), r));
        foreach (TextLine row in both.OrderBy(TwoLinePlate.BothLinesMisfit).Take(MaxBothLinesRows))
        {
            if (ReadLine(grey, TwoLinePlate.MainLineOfBoth(row), halves, null) is { } reading) candidates.Add(reading);
        }

        if (candidates.Count == 0 && halves.Count > count && halves.Count > 1) candidates.AddRange(TwoLinePlateRows.Pair(halves, Profile));
    }

    /// <summary>Rows read as both lines of a two-line plate a frame (<see cref="ReadMainLinesOfBoth"/>), each pass.</summary>
    private const int MaxBothLinesRows = 3;

    // readRows: where given, the rows read nothing are added to it with the most characters either reader read there.
    // lightBody: the line is a light plate body's (ReadRectified).
    private PlateReading? ReadLine(Mat grey, TextLine line, List<TwoLinePlateRows.Half> halves, List<(TextLine Row, int TextRead)>? readRows, bool upperRow = false, bool lightBody = false)
    {
        double motionBlur;
        int textRead;
        TextLine? refinedRow;
        _agreeing.NewLine();
        using (RectifiedLine? rectified = LineRectifier.RectifyRefined(grey, line, _lightText, upperRow: upperRow))
        {
            if (rectified is null) return null;
            if (ReadRectified(rectified, halves, line.DarkText, out textRead, lightBody) is { } reading)
            {
                // An EU reading that may be short of the plate's last group: read again on a warp reaching further right (LatinLastGroup).
                if (!_korean) return ReadLatinWider(grey, line, rectified, reading, lightBody);
                // A reading that may be short of a stacked name at the warp's left edge: read again on a wider warp (StackedNameRoom).
                if (!StackedNameRoom.Wants(reading, rectified)) return reading;
                WiderLooks++;
                using RectifiedLine? wide = LineRectifier.Rewarp(grey, line, rectified, leftExtension: StackedNameRoom.WideLeftExtension);
                PlateReading? wider = wide is null ? null : ReadRectified(wide, [], line.DarkText, out _, lightBody);
                PlateReading? chosen = StackedNameRoom.Choose(reading, wider, wide is null || wider is not null ? [] : UnreportedTexts(wide));
                NoteAfterLine(nameof(StackedNameRoom), reading, chosen);
                return chosen;
            }
            motionBlur = rectified.MotionBlur;
            refinedRow = rectified.RefinedRow;
        }

        readRows?.Add((line, textRead));
        if (readRows is not null && _korean && LightPlateBody.Of(line, refinedRow) is { } body) _lightBodies.Add(body);

        // A motion-blurred row that reported nothing: rectified again with its first warp deblurred (BlurredSecondChance).
        // Its halves of two-line plates are not kept: the first reading's are the same row's.
        if (!BlurredSecondChance.Applies(motionBlur, textRead)) return null;
        using RectifiedLine? again = BlurredSecondChance.Rectify(grey, line, _lightText);
        PlateReading? second = again is null ? null : ReadRectified(again, [], line.DarkText, out _, lightBody);
        return second is not null && !_korean ? ReadLatinWider(grey, line, again!, second, lightBody) : second;
    }

    // An EU reading read again on a warp reaching further right, where the plate's last group may stand (LatinLastGroup):
    // the row its own warp was refined to (rectified), warped wider. Where the wider warp's reading extended it, that
    // reading is read again on a warp one extension wider still (LatinLastGroup.MaxWidenings): the last group's last
    // characters may stand beyond the first wider warp too.
    private PlateReading? ReadLatinWider(Mat grey, TextLine line, RectifiedLine rectified, PlateReading reading, bool lightBody)
    {
        PlateReading? chosen = reading;
        for (int widening = 1; widening <= LatinLastGroup.MaxWidenings && chosen is not null; widening++)
        {
            PlateReading narrow = chosen;
            using RectifiedLine? wide = LineRectifier.Rewarp(grey, line, rectified, rightExtension: widening * LatinLastGroup.WideRightExtension);
            // Read only where the wider warp shows ink beyond what was read that may be more of its text (LatinLastGroup.MayGoOn);
            // elsewhere (a whole plate's margin, rim and car) both readers read the narrow warp's text again.
            if (wide is null || !LatinLastGroup.MayGoOn(wide, (widening - 1) * LatinLastGroup.WideRightExtension)) return narrow;
            LatinWiderLooks++;
            PlateReading? wider = ReadRectified(wide, [], line.DarkText, out _, lightBody);
            chosen = LatinLastGroup.Choose(narrow, wider, wider is not null ? [] : UnreportedTexts(wide));
            NoteAfterLine(nameof(LatinLastGroup), narrow, chosen);
            if (chosen == narrow) return narrow;
        }

        return chosen;
    }

    /// <summary>Readings read again on a wider warp for a stacked name at their warp's left edge (<see cref="StackedNameRoom"/>), since this recognizer was made.</summary>
    internal int WiderLooks { get; private set; }

    /// <summary>EU readings read again on a warp reaching further right (<see cref="LatinLastGroup"/>), since this recognizer was made.</summary>
    internal int LatinWiderLooks { get; private set; }

    // Both readers' readings of a line before their floors and rules (StackedNameRoom: what a wider warp read that it did not report).
    private IEnumerable<string> UnreportedTexts(RectifiedLine rectified)
    {
        if (BestReading(rectified) is { } glyphs) yield return glyphs.Text;
        if (_lineReader?.Read(rectified) is { } network) yield return network.Text;
    }

    // A plate body's main line (PlateBodyRows): refitted through its characters first, as any row; where that reads
    // nothing, the line as the body puts it (the refit through glued characters is what went wrong for the row it came
    // from). Null where the reading may not come from this body (PlateBodyRows.MayReport). textRead: the most characters
    // either reader read on either warp where neither reported a plate (0 where one did). lightBody: the body is a light
    // row's whole body (LightPlateBody), whose readings' class Hangul the glyph classifier must confirm (ReadRectified).
    private PlateReading? ReadBody(Mat grey, PlateBody body, out int textRead, bool lightBody = false)
    {
        textRead = 0;
        TextLine line = body.MainLine();
        int looks = _agreeing.Count;
        var unreported = new List<(TextLine Row, int TextRead)>(1);
        PlateReading? reading = ReadLine(grey, line, [], unreported, lightBody: lightBody) ?? ReadBodyLine(grey, line, out textRead, lightBody);
        textRead = reading is not null ? 0 : Math.Max(textRead, unreported.Count > 0 ? unreported[0].TextRead : 0);
        _agreeing.DropFrom(looks, r => !PlateBodyRows.MayReport(body, r, Nameless(r)));
        if (reading is null || PlateBodyRows.MayReport(body, reading, Nameless(reading))) return reading;
        NoteAfterLine(nameof(PlateBodyRows.MayReport), reading, null);
        Refusals?.Add((nameof(PlateBodyRows.MayReport), reading.Text, reading.Confidence));
        return null;
    }

    // Whether the plate reading's colour (sure) is one no plate with a region name is issued in (kr: white, blue), so that
    // it is no regional plate's tail (PlateBodyRows.MayReport).
    private bool Nameless(PlateReading reading) =>
        reading.Background != PlateBackground.Unknown && !Profile.MayCarryRegionName(reading.Background.ToString().ToLowerInvariant());

    // A plate body's text line warped as the body puts it, without the refit through its characters (PlateBodyRows).
    private PlateReading? ReadBodyLine(Mat grey, TextLine line, out int textRead, bool lightBody)
    {
        textRead = 0;
        _agreeing.NewLine();
        using RectifiedLine? rectified = LineRectifier.Rectify(grey, line);
        return rectified is null ? null : ReadRectified(rectified, [], line.DarkText, out textRead, lightBody);
    }

    // textRead: the most characters either reader read on the line, reported or not (BlurredSecondChance); darkText: the
    // row's polarity (a half's own row, TwoLinePlateRows.RowOf); lightBody: the line is a light plate body's
    // (LightPlateBody), its readings' class Hangul must be the glyph classifier's too. One glyph scorer answers every
    // rule's question about a box of this line (the glyph reader's layouts, LeftOutVeto, the fusions, GlyphsConfirm, the
    // light body's check): each box is classified once however many rules ask.
    private PlateReading? ReadRectified(RectifiedLine rectified, List<TwoLinePlateRows.Half> halves, bool darkText, out int textRead, bool lightBody = false)
    {
        textRead = 0;
        var scorer = new GlyphScorer(rectified, _classifier);
        using StageProfile.Scope rules = StageProfile.Enter(Stage.Rules);
        LineReading? glyphs = null, unfloored = null;
        if (_options.LineReader != LineReaderMode.Crnn)
        {
            using (StageProfile.Enter(Stage.GlyphReader)) unfloored = BestReading(rectified, scorer, _floor);
            textRead = unfloored?.Text.Length ?? 0;
            glyphs = unfloored is not null && Rejection(unfloored) is null ? unfloored : null;
            // The glyph reader alone: a motion-blurred line it did not read is read once more with its glued runs cut otherwise (RecutBlurred).
            if (_lineReader is null && glyphs is null && RecutBlurred(rectified, scorer, null) is { } recut) unfloored = glyphs = recut;
            if (_lineReader is null || (glyphs is not null && _options.LineReader == LineReaderMode.GlyphsThenCrnn)) return glyphs is null ? null : Report(rectified, glyphs);
        }

        LineReading? whole;
        using (StageProfile.Enter(Stage.LineReader)) whole = _lineReader!.Read(rectified);
        // The network's class Hangul read as a digit (seven or eight digits): the glyph classifier's syllable in its place (ClassHangulReadAsDigit).
        if (_korean && whole is not null && ClassHangulReadAsDigit.Read(whole, rectified, scorer, _sets) is { } withHangul) whole = withHangul;
        // The plate's colour, where it is sure, rules out classes (PlateColourClass): the network's ruled-out class syllable
        // is read among the others, the glyph CNN reads and confirms it among them only; a reading that still carries a
        // ruled-out one is refused below.
        PlateBackground colour = PlateBackground.Unknown;
        IReadOnlySet<string>? colourClasses = (whole ?? unfloored) is { } read ? ColourClasses(rectified, read, darkText, out colour) : null;
        IReadOnlyList<int> classHangul = colourClasses is null ? _sets.Hangul : _colourClass!.Hangul(colour, _sets.Hangul);
        LineReading? beforeColour = whole;
        if (whole is not null && colourClasses is not null) whole = PlateColourClass.Restrict(whole, colourClasses);
        bool colourMended = whole != beforeColour;
        LineReading? network = whole, networkAsRead = whole;
        textRead = Math.Max(textRead, whole?.Text.Length ?? 0);
        // Diagnosing (NetworkLooks): what each rule below makes of the network's reading is noted on its look.
        NetworkLook? look = whole is not null && _networkLooks is not null ? new NetworkLook(FrameBox(rectified, whole.Extent), whole) : null;
        if (look is not null) _networkLooks!.Add(look);
        if (look is not null && colourClasses is not null) look.Note(FormattableString.Invariant($"{nameof(PlateColourClass)} ({colour})"), whole);
        // A motion-blurred line whose glued runs the glyph reader could not read is read once more with those runs cut
        // where their grey ink dips, at the pitch their height gives (RecutBlurred).
        if (glyphs is null && _options.LineReader != LineReaderMode.Crnn && RecutBlurred(rectified, scorer, network) is { } cut) unfloored = glyphs = cut;
        // A box beside the network's reading that the glyph classifier calls "not a glyph" (the rim, a frame's edge) is
        // no character it left out, as for the glyph reader's layouts (LeftOutVeto) — asked only where the glyph reader
        // reported nothing or a reading the network's has one character more (14다5888 of 141다5888: the first 1 taken
        // into the Hangul's box): where it read the same plate or another, it has vetoed those boxes itself, and the
        // network's reading would displace it with the network's commonest confident error (아/마). Korean readings
        // only: a Korean format is a whole plate, while a run of an EU plate's characters is itself valid EU text (RS49
        // of RS449NH). A glyph reading that the vetted network reading contains, one character short, is part of it.
        if (whole is not null && _korean && whole.LeavesOutCharacter && (glyphs is null || OneCharacterShort(glyphs.Text, whole.Text)))
        {
            whole = LeftOutVeto.Apply(whole, scorer, _sets);
            look?.Note(nameof(LeftOutVeto), whole);
            if (!whole.LeavesOutCharacter && glyphs is not null) glyphs = null;
        }
        // The readers read the same plate but for its class Hangul: that syllable is read from both readers' distributions
        // together, and judged by the report's rules as any glyph (SyllableFusion). Where the glyph reader reads nothing or
        // another plate, the network's class Hangul is read with the glyph CNN's distribution on its place (FuseAlone).
        LineReading? glyphsAsRead = unfloored;
        if (_korean && whole is not null)
        {
            IReadOnlyDictionary<string, float> Hangul(GlyphBox box) => scorer.Distribution(box, classHangul);
            Func<GlyphBox, IReadOnlyDictionary<string, float>?>? window = _classWindow is null ? null : place => _classWindow.Read(rectified, place);
            if (unfloored is not null && SyllableFusion.Fuse(unfloored, whole, Hangul, window) is { } fused)
            {
                (unfloored, whole) = fused;
                network = whole;
                glyphs = Rejection(unfloored) is null ? unfloored : null;
                look?.Note(nameof(SyllableFusion), whole);
            }
            // The readers read the same text, the glyph reader's refused (its class Hangul a coin toss or too weak): the
            // syllable read from both readers' distributions, taken only where that clears every rule (FuseAgreed).
            else if (unfloored is not null && glyphs is null && SyllableFusion.FuseAgreed(unfloored, whole, Hangul, window) is { } agreed
                     && Rejection(agreed.Glyphs) is null)
            {
                (unfloored, whole) = agreed;
                network = whole;
                glyphs = unfloored;
                look?.Note(nameof(SyllableFusion), whole);
            }
            else if (unfloored?.Text != whole.Text && SyllableFusion.FuseAlone(whole, Hangul, window) is { } alone)
            {
                network = whole = alone;
                look?.Note(nameof(SyllableFusion), whole);
            }

            // A two-line reading's class digit under the network's floor: read from both readers too (UpperStripFusion).
            if (UpperStripFusion.Fuse(rectified, scorer, _sets, whole, _options.MinLineCharacterProbability) is { } upperFused)
            {
                network = whole = upperFused;
                look?.Note(nameof(UpperStripFusion), whole);
            }
        }

        // Half a two-line plate, sure in every character and refused only for its format, is kept for pairing.
        if (whole is not null && _korean && whole.WeakestGlyph >= _options.MinLineCharacterProbability
            && TwoLinePlateRows.IsUpper(whole) is { } upper && Rejection(whole) == NoValidFormat)
        {
            // The upper half's row: the characters' places (a token's columns are narrower than its character).
            TextLine row = TwoLinePlateRows.RowOf(rectified, GlyphBox.Union(whole.Glyphs!.Select(g => g.Box)), darkText);
            halves.Add(new TwoLinePlateRows.Half(whole, FrameBox(rectified, whole.Extent), upper, row));
        }

        // A whole two-line reading refused for its upper strip alone: its main line, sure in every character, is a lower half.
        LineReading? lowerPart = whole is not null && _korean ? TwoLinePlateRows.LowerPart(whole, _options.MinLineCharacterProbability) : null;

        // The line network's characters must be surer than the glyph classifier's: its per-column peaks are confident
        // even where it guesses (a stacked region name, 마/아), and its readings are what the glyph reader could not give.
        double unseenName = 1;
        if (whole is not null && Rejection(whole) is { } rejection)
        {
            whole = null;
            look?.Note(rejection, null);
        }
        else if (whole is not null && whole.WeakestGlyph < _options.MinLineCharacterProbability && !GlyphsConfirm(rectified, scorer, whole, classHangul, out unseenName))
        {
            look?.Note(FormattableString.Invariant($"{nameof(GlyphsConfirm)} (weakest {whole.Glyphs?.MinBy(g => g.Probability).Label} {whole.WeakestGlyph:F2})"), null);
            Refusals?.Add((nameof(GlyphsConfirm), whole.Text, whole.WeakestGlyph));
            // Refused for a weak digit or class Hangul alone: a look other lines may agree with (AgreeingLooks). Not one whose
            // class syllable the colour mended: looks that all read a ruled-out syllable, mended alike, agree by the colour's
            // word, not the lines' (791어0080 mended to 791아0080 on three lines of 791아0030, seed 2's scene 951). Nor one
            // still carrying a syllable the colour rules out, which no line may report (089자1390 of a white 089저1390 on
            // four lines, seed 8's scene 280).
            if (_korean && !colourMended && AgreeingLooks.MayHold(whole, _options.MinLineCharacterProbability) && whole.WeakestGlyph >= MinConfirmedLineCharacterProbability
                && !(colourClasses is not null && PlateColourClass.RulesOut(whole, colourClasses))
                && !NamelessTail.Of(rectified, whole) && !DashForSyllable.Of(rectified, whole)) _agreeing.Add(Report(rectified, whole));
            whole = null;
        }

        // A stacked name the classifier could not see stands on the network's word alone: the reading is no surer than
        // that name (UnseenStackedName), and a reading of the same plate whose name was seen displaces it.
        if (whole is not null && unseenName < whole.Confidence) whole = whole with { Confidence = unseenName };
        if (whole is not null && _latin && !_korean && _options.LineReader == LineReaderMode.Both && !GlyphsSupportLatin(unfloored, whole))
        {
            whole = null;
            look?.Note(nameof(GlyphsSupportLatin), null);
        }

        // A network reading short of a middle character the glyph reader's boxes count whole (DroppedMiddleCharacter):
        // not reported; the glyph reader's reading stands where it cleared its floors. EU readings.
        if (whole is not null && _latin && !_korean && unfloored is not null && DroppedMiddleCharacter.Shortens(unfloored, whole))
        {
            whole = null;
            look?.Note(nameof(DroppedMiddleCharacter), null);
        }

        // A network reading that is the tail of a stacked-region plate, its name's ink before it (NamelessTail).
        if (whole is not null && _korean && NamelessTail.Of(rectified, whole))
        {
            whole = null;
            look?.Note(nameof(NamelessTail), null);
        }

        // Two readers that agree: the surer one's confidence (a reading both give is no less likely than either alone);
        // the glyph reader's where it counts a doubled character the network's CTC merged (CollapsedRepeat).
        LineReading? best = glyphs is null ? whole : whole is null ? glyphs : CollapsedRepeat.Choose(glyphs, whole);
        look?.Note(whole is null ? "the glyph reader's reading" : nameof(CollapsedRepeat), best);
        // The readers read the same plate with different region names, or one with none (RegionDispute).
        if (best is not null && _korean)
        {
            best = RegionDispute.Resolve(best, glyphs, unfloored, network, whole);
            look?.Note(nameof(RegionDispute), best);
        }

        // A light body's line (LightPlateBody): its class Hangul must be the glyph classifier's too, in its place.
        if (best is not null && lightBody && !LightPlateBody.ClassHangulConfirmed(best, (box, label) => LightPlateBody.Agrees(scorer.Read(box, classHangul), label)))
        {
            look?.Note(nameof(LightPlateBody), null);
            Refusals?.Add((nameof(LightPlateBody), best.Text, best.WeakestGlyph));
            best = null;
        }

        // The window classifier surely reading the class Hangul as another syllable than either reader did
        // (ClassWindowDissent): that syllable where the glyph CNN reads it first on the network's place too, else no plate.
        if (best is not null && _korean && _classWindow is not null && network is not null && network.Text == best.Text)
        {
            best = ClassWindowDissent.Judge(best, network.Glyphs, place => _classWindow.Read(rectified, place), box => scorer.Distribution(box, classHangul),
                networkAsRead, glyphsAsRead);
            look?.Note(nameof(ClassWindowDissent), best);
        }

        if (best is not null && _latin && !_korean)
        {
            // The glyph reader's cut of the line, once for the EU checks below (all ask the same segmentation).
            List<GlyphBox> boxes = GlyphSegmenter.SegmentMain(rectified, out double threshold, 0.3);
            // An 8 or 0 whose glyph has a B's or D's upright left stem is that letter (LeftStem).
            LineReading beforeStem = best;
            if (LeftStem.Correct(rectified, best, boxes, threshold) is { } stemmed && stemmed != best && Rejection(stemmed) is null)
            {
                best = stemmed;
                look?.Note(nameof(LeftStem), best);
            }

            // A B/8 or D/0 the readers dispute and the glyph's left side did not settle is a guess (StemPairDispute).
            if (StemPairDispute.Disputed(best, beforeStem, unfloored, networkAsRead, PartnerRatio))
            {
                best = null;
                look?.Note(nameof(StemPairDispute), null);
            }

            double PartnerRatio(GlyphBox box, char read, char partner)
            {
                Dictionary<string, float> p = scorer.Distribution(box, _sets.Latin);
                return p.TryGetValue(read.ToString(), out float r) && p.TryGetValue(partner.ToString(), out float q) && r > 0 ? q / r : 0;
            }

            // A reading of part of a plate: the line network reads characters beyond its ends (NetworkReadsOn), or its
            // first or last character is a part of one, much lower than the rest (PartEndCharacter). A reading whose text
            // goes on right after it (TextGoesOn): a sign's number and its unit, a plate short of its last character.
            string? partRule = best is null ? null
                : NetworkReadsOn.Beyond(best, networkAsRead) ? nameof(NetworkReadsOn)
                : PartEndCharacter.Of(best, boxes) ? nameof(PartEndCharacter)
                : TextGoesOn.After(rectified, best, boxes, threshold) ? nameof(TextGoesOn) : null;
            if (partRule is not null)
            {
                best = null;
                look?.Note(partRule, null);
            }
        }

        // The glyph reader's weak class Hangul on a line the network read as digits alone (NetworkSeesNoSyllable).
        if (best is not null && _korean && whole is null && NetworkSeesNoSyllable.Of(best, networkAsRead))
        {
            look?.Note(nameof(NetworkSeesNoSyllable), null);
            Refusals?.Add((nameof(NetworkSeesNoSyllable), best.Text, best.WeakestGlyph));
            best = null;
        }

        // A class Hangul read on a dash (DashForSyllable): a phone number's, not a plate's.
        if (best is not null && _korean && DashForSyllable.Of(rectified, best))
        {
            look?.Note(nameof(DashForSyllable), null);
            Refusals?.Add((nameof(DashForSyllable), best.Text, best.WeakestGlyph));
            best = null;
        }

        // A class syllable the plate's colour rules out that neither reader's distribution could mend: no plate.
        if (best is not null && colourClasses is not null && PlateColourClass.RulesOut(best, colourClasses))
        {
            look?.Note(nameof(PlateColourClass), null);
            Refusals?.Add((nameof(PlateColourClass), best.Text, best.WeakestGlyph));
            best = null;
        }

        if (best is null && _korean && networkAsRead is not null) _refusedNamed.Add(FrameBox(rectified, networkAsRead.Extent), networkAsRead.Text);
        if (best is null && lowerPart is not null) halves.Add(new TwoLinePlateRows.Half(lowerPart, FrameBox(rectified, lowerPart.Extent), false, TwoLinePlateRows.RowOf(rectified, lowerPart.Extent, darkText)));
        return best is null ? null : Report(rectified, best) with { Support = ReadingSupport.Of(best, glyphs, whole), Background = colour };
    }

    /// <summary>
    /// The glyph reader's reading of a motion-blurred <paramref name="rectified"/> line (its strokes showed the blur:
    /// <see cref="RectifiedLine.MotionBlur"/>) with its glued runs cut by <see cref="BlurredRunCutter"/>, if it would be
    /// reported and is surer than <see cref="MinRecutConfidence"/>; null for a sharp line or one without a glued run
    /// (whose boxes would be the same).
    /// </summary>
    /// <remarks>
    /// With the line network built in, only where <paramref name="network"/> read a Korean plate's line there (five
    /// characters or more, a Hangul syllable among them) that it could not report alone (refused, or a character under its
    /// floor): most blurred rows of a blurred frame are no plate, most blurred plates the network reads surely, and each
    /// re-read costs the glyph network's batch (re-reading every blurred row with a glued run cost the motion-blurred
    /// frames ~1.4 ms median on 2,000 scenes, for the same plates).
    /// </remarks>
    private LineReading? RecutBlurred(RectifiedLine rectified, GlyphScorer scorer, LineReading? network)
    {
        if (!_korean || rectified.MotionBlur < MotionDeblur.MinSigmaPx) return null;
        if (_lineReader is not null && (network is null || network.Text.Length < 5 || !network.Text.Any(LabelSets.IsHangulSyllable)
            || (Rejection(network) is null && network.WeakestGlyph >= _options.MinLineCharacterProbability))) return null;
        if (!GlyphSegmenter.HasGluedRun(rectified)) return null;
        LineReading? recut = BestReading(rectified, scorer, _floor, blurredCuts: true);
        return recut is not null && Rejection(recut) is null && recut.Confidence >= MinRecutConfidence ? recut : null;
    }

    /// <summary>
    /// The class syllables the background colour of <paramref name="rectified"/>'s plate (under <paramref name="read"/>'s characters) allows (<see cref="PlateColourClass"/>,
    /// measured by <see cref="PlateBackgroundColour"/>), or null where the colour is no evidence: the profile ties no class
    /// to a colour, the frame is grey or cast in one colour, or the line's colour is not sure.
    /// </summary>
    private IReadOnlySet<string>? ColourClasses(RectifiedLine rectified, LineReading read, bool darkText, out PlateBackground colour)
    {
        colour = PlateBackground.Unknown;
        if (_colourFrame is null) return null;
        _frameShowsColour ??= PlateBackgroundColour.FrameShowsColour(_colourFrame);
        if (_frameShowsColour != true) return null;
        // A reading of a row warped as light text whose characters the warp shows light (a white plate's body row, read by
        // the line network turned round): its paint is the darker side. Asked of light-text rows only: on a blurred dark
        // row the network's boxes can sit off their characters' centres, and the test then turns a dark row round.
        bool charactersLight = !darkText && read.Glyphs is { Count: >= 2 } glyphs && InkPolarity.CharactersLight(rectified, glyphs.Select(g => (double)g.Box.CentreX).ToList());
        colour = PlateBackgroundColour.Measure(_colourFrame, _levelFactor, rectified, read.Extent, charactersLight);
        return _colourClass!.Allowed(colour);
    }

    /// <summary>
    /// The confidence a reading of re-cut runs must reach (against the report's 0.5): cuts placed by an assumed pitch are a
    /// guess the classifier must confirm clearly — a shop sign's blurred text cut at a plate's pitch read 54도5096 at 0.69
    /// (bench scene 1978), the plates read so 0.83–0.97.
    /// </summary>
    private const double MinRecutConfidence = 0.8;

    /// <summary>
    /// Whether the glyph classifier, shown each of the line network's characters under its character floor in that
    /// character's place, reads the same character there (≥ 0.3, and not a coin toss with another of its class: a
    /// runner-up under 0.4 of it; 0.5 gained 5 plates fewer, 0.15 one more plate and one false plate more): the
    /// network's weak character is most often the class Hangul of a blurred plate (하/아, 오/모, 버/바), where it alone
    /// is right as often as wrong, and the two classifiers learnt from different cuts of the plates. A stacked name the
    /// classifier cannot see at all on a small plate stands on the network's word (<see cref="UnseenStackedName"/>);
    /// <paramref name="unseenName"/> is then its probability (1 otherwise).
    /// </summary>
    private bool GlyphsConfirm(RectifiedLine rectified, GlyphScorer scorer, LineReading whole, IReadOnlyList<int> classHangul, out double unseenName)
    {
        unseenName = 1;
        if (whole.Glyphs is null || whole.WeakestGlyph < MinConfirmedLineCharacterProbability) return false;
        if (GlyphsConfirmAsShown(rectified, scorer, whole, classHangul, out unseenName, networkRead: true)) return true;
        // A row of the whole plate's body shows its characters light on dark (InkPolarity): the line network, which learnt
        // such rows, reads them; the glyph classifier knows only dark glyphs on light, so it is shown the line inverted.
        using RectifiedLine inverted = InkPolarity.Inverted(rectified);
        return GlyphsConfirmAsShown(inverted, new GlyphScorer(inverted, _classifier), whole, classHangul, out unseenName);
    }

    // scorer: rectified's (other pixels, another scorer); classHangul: the class syllables the plate's colour allows (PlateColourClass).
    // networkRead: rectified is the line as the network read it (not its inversion), whose image the class window reads too.
    private bool GlyphsConfirmAsShown(RectifiedLine rectified, GlyphScorer scorer, LineReading whole, IReadOnlyList<int> classHangul, out double unseenName, bool networkRead = false)
    {
        unseenName = 1;
        List<GlyphBox>? cuts = null;
        LineReading? sameText = null;
        for (int k = 0; k < whole.Glyphs!.Count; k++)
        {
            ReadGlyph g = whole.Glyphs[k];
            if (g.Probability >= _options.MinLineCharacterProbability) continue;
            // A two-line plate's upper strip (its characters have no place on the main line): confirmed where the glyph
            // reader's own layouts, which cut and classify that strip, read the whole line as the same text (UpperStripSeen).
            // Else on the upper line's boxes the segmenter finds over the network's main line (UpperStripPlaces).
            if (g.Box.Width <= 1 && whole.Layout == KoreanLayouts.TwoLineRegion
                && (UpperStripSeen(rectified, scorer, whole, k, ref sameText) || UpperStripPlaces.Confirm(rectified, scorer, _sets, whole, k))) continue;
            if (g.Box.Width <= 1 || g.Label.Length is < 1 or > 2) return false;
            // A region name on the main line is a stacked one (the glyph CNN's "S:서울").
            bool region = g.Label.Length == 2;
            IReadOnlyList<int> candidates = region ? _sets.RegionStacked : char.IsAsciiDigit(g.Label[0]) ? _sets.Digits : LabelSets.IsHangulSyllable(g.Label[0]) ? classHangul : _sets.Latin;
            string label = region ? "S:" + g.Label : g.Label;
            bool Confirms(GlyphBox box) => scorer.Read(box, candidates).Confirms(label);
            if (Confirms(g.Box)) continue;
            // The place is the network's (halfway to its neighbours' centres, the line's full height), which on a blurred
            // line takes in its neighbours' glued edges; the segmenter's cuts within it — one box, or two side by side (가
            // is ㄱ and ㅏ) — are the glyph as the glyph reader would have read it. Not for Latin readings: more boxes are
            // more chances for a sign's or a grille's fragment (0TEL on a car's grille, bench scene 1542).
            if (!_korean) return false;
            cuts ??= GlyphSegmenter.SegmentMain(rectified, out _, 0.25);
            var inside = cuts.Where(b => b.CentreX >= g.Box.X && b.CentreX < g.Box.Right).ToList();
            var pairs = inside.Zip(inside.Skip(1), (a, b) => GlyphBox.Union([a, b])).ToList();
            if (inside.Any(Confirms) || pairs.Any(Confirms)) continue;
            // A blurred class syllable the glyph CNN sees nothing of: the class window's, if it reads it surely among the
            // syllables the plate's colour allows (ClassWindowConfirm) — on the network's own image only, not the inverted
            // line shown to the glyph CNN (seed 9's 92: 85구8107 of 805구8107, the window 구 0.66 as read, 0.96 inverted) —
            // and only where the network's digits step evenly, none left out (ClassWindowConfirm.DigitsStepEvenly).
            if (networkRead && g.IsSyllable && _classWindow is not null && ClassWindowConfirm.DigitsStepEvenly(whole.Glyphs)
                && ClassWindowConfirm.Confirms(_classWindow.Read(rectified, g.Box), g.Label, g.Probability, candidates.Select(c => _classifier.Labels[c]).ToHashSet(StringComparer.Ordinal))) continue;
            // A stacked name too small for the classifier to see at all: the network's, if sure enough (UnseenStackedName).
            if (region && UnseenStackedName.Stands(g, rectified, inside.Concat(pairs).Prepend(g.Box).Select(b => scorer.Read(b, candidates))))
            {
                unseenName = g.Probability;
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// Whether the glyph reader reads the upper-strip character <paramref name="k"/> of the line network's two-line reading
    /// <paramref name="whole"/> as the network does: its best reading of the line, before any floor (computed once into
    /// <paramref name="sameText"/>), is the same text, and its glyph there is at least 0.3 and no coin toss — the floor a
    /// network character's place must clear in <see cref="GlyphsConfirm"/>. The strip's characters have no place of their
    /// own on the main line to be shown, but the glyph reader's layouts segment the strip and read its region name and
    /// class digits: two readers (different models, one cutting, one not) reading the whole plate alike is what the
    /// confirmation asks of each character. Only where the text is the same: the region name is the network's commonest
    /// confident error, and a name the classifier reads otherwise is refused (<see cref="RegionDispute"/>).
    /// </summary>
    private bool UpperStripSeen(RectifiedLine rectified, GlyphScorer scorer, LineReading whole, int k, ref LineReading? sameText)
    {
        sameText ??= KoreanLineReader.Read(rectified, scorer, _sets, Profile.Layouts) is { } read && read.Text == whole.Text && read.Glyphs?.Count == whole.Glyphs!.Count ? read : NoReading;
        return sameText != NoReading && sameText.Glyphs![k].Confirming;
    }

    // No glyph reading of the same text (UpperStripSeen's cache).
    private static readonly LineReading NoReading = new("", "", 0, 0, default, 0);

    // The whole text with one character left out (14다5888 of 141다5888).
    private static bool OneCharacterShort(string part, string whole) =>
        part.Length + 1 == whole.Length && TextDistance.Levenshtein(part, whole) == 1;

    /// <summary>The line network's weakest character a glyph classifier's confirmation can carry (see <see cref="GlyphsConfirm"/>).</summary>
    private const double MinConfirmedLineCharacterProbability = 0.2;

    /// <summary>
    /// Whether the glyph reader backs the line network's Latin reading <paramref name="whole"/>: it found a run of Latin
    /// glyphs at the same place (<paramref name="unfloored"/>, before the report's floors and rules) that the network's
    /// reading explains — the run's characters with at most one read otherwise, or characters the run left out (a
    /// blurred or glued one, the end a stain cut off). The line network learnt only plates' lines: to it "EXIT 3",
    /// "B 123", "PARKING" or "SALE 50%" on a sign are plates (ET3, B123, P4RNG, S4LE5096); the glyph classifier learnt
    /// what is no plate glyph (its junk class), and finds there no run or another text. Korean readings need no such
    /// backing: their format (digits, a class Hangul, four digits) is no sign's.
    /// </summary>
    private static bool GlyphsSupportLatin(LineReading? unfloored, LineReading whole) =>
        unfloored is not null && TextDistance.Levenshtein(unfloored.Text, whole.Text) <= Math.Max(1, whole.Text.Length - unfloored.Text.Length)
        && unfloored.Extent.X < whole.Extent.Right && whole.Extent.X < unfloored.Extent.Right;

    /// <summary>
    /// The layouts' best reading of a rectified line, before any rejection; with <paramref name="floor"/>, null when no
    /// reading could clear it (the Korean reader then stops early, sparing the glyph network most boxes of rows that are no plate).
    /// </summary>
    internal LineReading? BestReading(RectifiedLine rectified, ReportFloor? floor = null, bool blurredCuts = false) =>
        BestReading(rectified, new GlyphScorer(rectified, _classifier), floor, blurredCuts);

    // The same with the line's shared scorer (ReadRectified: every rule that asks the glyph classifier about a box of
    // this line reuses its answer).
    private LineReading? BestReading(RectifiedLine rectified, GlyphScorer scorer, ReportFloor? floor = null, bool blurredCuts = false)
    {
        LineReading? best = null;
        if (_korean) best = KoreanLineReader.Read(rectified, scorer, _sets, Profile.Layouts, floor, blurredCuts);
        if (_latin && !blurredCuts && LatinLineReader.Read(rectified, scorer, _sets, _hangulSigns) is { } latin && (best is null || latin.Score > best.Score)) best = latin;
        return best;
    }

    /// <summary>Why <paramref name="best"/> is not reported (null: it is).</summary>
    internal string? Rejection(LineReading best)
    {
        if (best.Confidence < _options.MinConfidence || best.WeakestGlyph < _options.MinGlyphProbability) return "low confidence";
        // The best reading leaves out a character beside it: better no plate than part of one (a false plate).
        if (best.LeavesOutCharacter) return "leaves out a character";
        // A glyph touching the warp's left edge: the row began inside the plate (the warp reaches past a row's ends),
        // so the character is cut and what stood before it (a stacked region name, another digit) is not in the image.
        if (best.Glyphs?.Any(g => g.Box.Width > 0 && g.Box.X <= 0) == true) return "cut by the warp's edge";
        // A glyph the classifier nearly read as another allowed one: the reading is a coin toss (most wrong plates
        // reported were one such glyph: 아/마, G/K, U/J, 강원/전북), and a wrong plate costs more than a missed one.
        if (best.Glyphs?.Any(g => g.Ambiguous) == true) return "ambiguous glyph";
        // H0TEL: a sign's word, its letter O read as the only digit the EU alphabet has for it.
        if (_latin && WordWithLetterO.Is(best.Text)) return "a word, its O read as 0";
        return Profile.Validate(best.Text) is null ? NoValidFormat : null;
    }

    private const string NoValidFormat = "no valid format";

    private PlateReading Report(RectifiedLine rectified, LineReading best)
    {
        PlateFormat format = Profile.Validate(best.Text, best.Layout)!;
        Rect box = FrameBox(rectified, best.Extent);
        return new PlateReading(best.Text, Math.Round(best.Confidence, 3), box.X, box.Y, box.Width, box.Height, format.Name);
    }

    // A reading's frame box: its extent with a sixth of a character height around it.
    private static Rect FrameBox(RectifiedLine rectified, GlyphBox e)
    {
        int pad = RectifiedLine.CharHeight / 6;
        return rectified.FrameBox(new Rect(e.X - pad, e.Y - pad, e.Width + (2 * pad), e.Height + (2 * pad)));
    }

    // Where set (NetworkLooks), every line network reading of the lines read is added with its frame box and fate.
    private List<NetworkLook>? _networkLooks;

    /// <summary>
    /// What the line network read on every line <see cref="Read"/> reads in <paramref name="frame"/> (before any floor or
    /// rule), with each reading's box in the level's pixels: for <see cref="StageDiagnosis"/>, whose replay of the frame's
    /// own rows sees neither the network nor the lines placed by the second look, the plate's body or a wider warp.
    /// </summary>
    internal List<NetworkLook> NetworkLooks(Mat frame)
    {
        _networkLooks = [];
        try
        {
            Read(frame);
            return _networkLooks;
        }
        finally
        {
            _networkLooks = null;
        }
    }

    /// <summary>Which stage lost a plate that was not read exactly (see <see cref="StageDiagnosis"/>).</summary>
    internal StageDiagnosis Diagnose(Mat frame, IReadOnlyList<Point2f> plateCorners, string truth, string layout) =>
        StageDiagnosis.Run(this, frame, plateCorners, truth, layout, _classifier, _sets, _lightText, _options.MaxLinesPerFrame, _minRowCharacters);

    /// <summary>
    /// Where set (the benchmark's <c>ANPR_RULE_TRADE</c>), each refusal of a reading that would otherwise have gone on to
    /// the report by the rules measured (<see cref="GlyphsConfirm"/>, <see cref="PlateBodyRows.MayReport"/>,
    /// <see cref="PlateBodyRows.ShiftedReading"/>, <see cref="LightPlateBody"/>): the rule, the text and the reading's
    /// weakest character (a body's: its confidence). Against the true plate, what each rule stops and what it costs.
    /// </summary>
    internal List<(string Rule, string Text, double Sureness)>? Refusals { get; set; }

    // Diagnosing (NetworkLooks): a line's report that a rule after the line dropped or replaced, noted on the looks that reported it.
    private void NoteAfterLine(string rule, PlateReading? reported, PlateReading? after)
    {
        if (_networkLooks is null || reported is null || after?.Text == reported.Text) return;
        foreach (NetworkLook look in _networkLooks) look.NoteAfterLine(rule, reported.Text, after?.Text);
    }

    // Overlapping readings (the same plate found in both polarities, or as two rows) keep only the most confident.
    private List<PlateReading> Suppress(List<PlateReading> candidates)
    {
        var kept = new List<PlateReading>();
        foreach (PlateReading c in candidates.OrderByDescending(c => c.Confidence))
        {
            int overlapped = kept.FindIndex(c.SamePlaceAs);
            if (overlapped < 0) kept.Add(c);
            // The more confident reading is the other's tail (42사9135 of 경남42사9135: a row or reader that missed the
            // region): however sure of itself, it leaves out part of the plate, and the longer reading is the plate.
            else if (c.Text.Length > kept[overlapped].Text.Length && c.Text.EndsWith(kept[overlapped].Text, StringComparison.Ordinal)) kept[overlapped] = c;
            // Two readings of the same plate that differ: the better backed, however less sure of itself (SamePlateDispute).
            else if (SamePlateDispute.Displaces(c, kept[overlapped]))
            {
                NoteAfterLine(nameof(SamePlateDispute), kept[overlapped], c);
                kept[overlapped] = c;
            }
            else NoteAfterLine(nameof(Suppress), c, kept[overlapped]);
        }

        return kept;
    }

    /// <inheritdoc />

    public void Dispose()
    {
        _classifier.Dispose();
        _lineModel?.Dispose();
        _classWindow?.Dispose();
        _nameWindow?.Dispose();
        _hangulSigns?.Dispose();
    }
}
