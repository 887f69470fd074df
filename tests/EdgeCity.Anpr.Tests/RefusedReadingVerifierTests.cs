using System.Text;
using System.Text.Json;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The learned judge of readings refused only for confidence (<see cref="RefusedReadingVerifier"/>, Models/verifier.json):
/// the model's file, the level's choice among its refused readings (<see cref="RefusedLooks"/>), and bench scenes of the
/// tuning seeds it reads (lost on main f60c66e as "right, but rejected") and does not misread.
/// </summary>
public class RefusedReadingVerifierTests
{
    // The texts the Korean recognizer reads in scene index of seed, with the verifier or without it.
    private static List<string> Read(int index, int seed, bool withoutVerifier = false)
    {
        var (frame, _) = BenchScenes.Load(index, seed);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"), new RecognizerOptions { WithoutVerifier = withoutVerifier });
            return recognizer.Read(frame).Select(r => r.Text).ToList();
        }
    }

    [Theory]
    [InlineData(3, 477, "서울39자0215")] // 자 0.53–0.58 on two lines, the class window 자 0.66–0.71: p 0.77–0.78
    [InlineData(4, 752, "160사8822")] // 사 0.57–0.79 on four lines (three others read 160서8822, the window 서 ≤ 0.32): p 0.80–0.90
    [InlineData(4, 794, "경남61아4960")] // a two-line plate's upper-strip name 경남 0.82 on two lines (others 인천, 전남 weaker): p 0.85
    public void A_reading_refused_only_for_confidence_that_the_verifier_accepts_is_reported(int seed, int scene, string text)
    {
        Assert.Contains(text, Read(scene, seed));
        Assert.DoesNotContain(text, Read(scene, seed, withoutVerifier: true));
    }

    [Theory]
    [InlineData(2, 341, "인천91자7236")] // 인천51자7236's class digit misread: p 0.73, the likeliest wrong reading of seeds 2–4's frames that read nothing
    [InlineData(2, 169, "528호8660")] // 528모8660's class Hangul misread: p 0.61
    public void A_refused_misread_under_the_threshold_is_not_reported(int seed, int scene, string text)
    {
        Assert.DoesNotContain(text, Read(scene, seed));
    }

    // A model whose probability rises with the first feature alone (mean 0, scale 1), accepting from 0.5.
    private static RefusedReadingVerifier Model(string[]? names = null)
    {
        names ??= RefusedReadingFeatures.Names;
        var json = JsonSerializer.Serialize(new
        {
            features = names,
            mean = names.Select(_ => 0.0),
            scale = names.Select(_ => 1.0),
            weights = names.Select((_, i) => i == 0 ? 1.0 : 0.0),
            bias = 0.0,
            threshold = 0.5,
        });
        return RefusedReadingVerifier.Parse(Encoding.UTF8.GetBytes(json))!;
    }

    private static double[] Features(double first)
    {
        var f = new double[RefusedReadingFeatures.Names.Length];
        f[0] = first;
        return f;
    }

    private static PlateReading At(string text, int x) => new(text, 0.8, x, 100, 90, 24, "kr");

    [Fact]
    public void A_model_of_other_features_is_not_used()
    {
        Assert.Null(RefusedReadingVerifier.Parse(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            features = new[] { "net_weak_log" }, mean = new[] { 0.0 }, scale = new[] { 1.0 }, weights = new[] { 1.0 }, bias = 0.0, threshold = 0.5,
        }))));
    }

    [Fact]
    public void The_built_in_model_has_these_features()
    {
        Assert.NotNull(RefusedReadingVerifier.LoadEmbedded());
    }

    [Fact]
    public void The_level_reports_the_likeliest_reading_over_the_threshold_and_none_under_it()
    {
        RefusedReadingVerifier model = Model();
        var looks = new RefusedLooks();
        looks.Add(At("12가3456", 100), Features(-1));
        Assert.Null(looks.Verified(model));
        looks.Add(At("12나3456", 100), Features(2));
        looks.Add(At("12다3456", 100), Features(1));
        Assert.Equal("12나3456", looks.Verified(model)?.Text);
    }

    [Fact]
    public void Other_lines_reading_the_same_text_are_counted()
    {
        var looks = new RefusedLooks();
        looks.Add(At("12가3456", 100), Features(0));
        looks.Add(At("12가3456", 101), Features(0));
        looks.Add(At("12나3456", 100), Features(0));
        Assert.Equal([1.0, 1.0, 0.0], looks.WithLooks().Select(l => l.Features[RefusedReadingFeatures.Looks]));
    }
}
