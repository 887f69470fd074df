using SkiaSharp;

namespace EdgeCity.CameraSim.Plates;

/// <summary>
/// The TrueType fonts plates are drawn with, from Debian's fonts-nanum (Hangul and digits) and fonts-dejavu-core
/// (Latin), which ./edgecity installs. Korean plates use a condensed bold gothic; several Nanum faces stand in for it
/// so that a reader trained on one face is measured on others too.
/// </summary>
public sealed class PlateFonts : IDisposable
{
    private const string NanumDirectory = "/usr/share/fonts/truetype/nanum";
    private const string DejaVuDirectory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>Korean faces (file names in fonts-nanum).</summary>
    public static readonly IReadOnlyList<string> KoreanFaceFiles =
        ["NanumGothicBold.ttf", "NanumBarunGothicBold.ttf", "NanumSquareB.ttf", "NanumSquareRoundB.ttf"];

    /// <summary>Latin faces (file names in fonts-dejavu-core).</summary>
    public static readonly IReadOnlyList<string> LatinFaceFiles = ["DejaVuSansCondensed-Bold.ttf", "DejaVuSans-Bold.ttf"];

    private readonly SKTypeface[] _korean;
    private readonly SKTypeface[] _latin;

    /// <summary>Loads every face; a missing font file names the Debian package that has it.</summary>
    public PlateFonts()
    {
        _korean = KoreanFaceFiles.Select(f => Load(Path.Combine(NanumDirectory, f), "fonts-nanum")).ToArray();
        _latin = LatinFaceFiles.Select(f => Load(Path.Combine(DejaVuDirectory, f), "fonts-dejavu-core")).ToArray();
    }

    /// <summary>Number of Korean faces.</summary>
    public int KoreanCount => _korean.Length;

    /// <summary>Number of Latin faces.</summary>
    public int LatinCount => _latin.Length;

    /// <summary>The Korean face at <paramref name="index"/>.</summary>
    public SKTypeface Korean(int index) => _korean[index];

    /// <summary>The Latin face at <paramref name="index"/>.</summary>
    public SKTypeface Latin(int index) => _latin[index];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var face in _korean.Concat(_latin)) face.Dispose();
    }

    private static SKTypeface Load(string path, string package) =>
        File.Exists(path)
            ? SKTypeface.FromFile(path) ?? throw new InvalidDataException($"{path}: not a font Skia can load")
            : throw new FileNotFoundException($"{path} is missing: install the Debian package {package} (./edgecity does)", path);
}
