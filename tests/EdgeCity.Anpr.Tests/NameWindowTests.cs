using EdgeCity.Anpr.LineRecognition;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The region-name window classifier (<see cref="NameWindowModel"/>, <c>Models/name.onnx</c>) read with the line
/// network's name (<see cref="NameWindowFusion"/>): the product of the two distributions is the name read, the window
/// sure or not (<c>wip/anname2</c>; <c>wip/anregion</c> counted it only where it was ≥ 0.9 sure). Scenes of the tuning
/// seeds whose stacked name the network misread on main e543241 or f60c66e.
/// </summary>
public class NameWindowTests
{
    [Theory]
    [InlineData(653, "경북78자0226")] // 118 px: the network's 인천 0.71 (a false plate on main), the window's 경북
    [InlineData(941, "광주64자0293")] // the network's 광주 0.39 / 경기 0.31 under its floor; the window's sure 광주
    public void A_stacked_name_the_network_guesses_is_read_with_the_window(int scene, string plate)
    {
        BenchScenes.AssertReads(scene, plate, seed: 2).Frame.Dispose();
    }

    [Theory]
    [InlineData(239, "경기05사0557")] // both readers' 울산 on main (a false plate)
    [InlineData(298, "전북35아1978")]
    [InlineData(928, "울산30바9132")] // the network alone read 충남 on another row, surer than the glyph reader's 울산 (a false plate on main)
    public void A_stacked_name_the_network_misreads_is_read_right_on_seed_4(int scene, string plate)
    {
        BenchScenes.AssertReads(scene, plate, seed: 4).Frame.Dispose();
    }

    [Fact]
    public void A_two_line_plates_upper_strip_is_not_asked()
    {
        // 제주50바7473, yellow two-line, 168 px: the window was sure of 광주 (0.98) on the strip the network reads 제주 0.93–1.00.
        BenchScenes.AssertReads(945, "제주50바7473", seed: 2).Frame.Dispose();
    }

    [Fact]
    public void Without_the_window_the_networks_guess_stands()
    {
        // The comparison the window was measured against: main's reading of seed 2's scene 653, the network's 인천.
        var (frame, _) = BenchScenes.Load(653, seed: 2);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"), new RecognizerOptions { WithoutNameWindow = true });
            Assert.DoesNotContain("경북78자0226", recognizer.Read(frame).Select(r => r.Text));
        }
    }

    [Fact]
    public void The_name_window_classifier_is_built_in_for_the_seventeen_names()
    {
        using NameWindowModel? model = NameWindowModel.LoadEmbedded();
        Assert.NotNull(model);
        Assert.Equal(17, model.Labels.Count);
        Assert.Contains("서울", model.Labels);
        Assert.Contains("세종", model.Labels);
    }

    [Fact]
    public void A_sure_window_turns_the_networks_guess_among_names()
    {
        // The network's 제주 0.55 against 대구 0.40 (a name at 8 px); the window's 대구 0.95 decides.
        FusedName? fused = NameWindowFusion.Fuse(Of(("제주", 0.55f), ("대구", 0.40f), ("대전", 0.05f)), Of(("대구", 0.95f), ("제주", 0.03f), ("대전", 0.02f)));
        Assert.NotNull(fused);
        Assert.Equal("대구", fused.Value.Name);
        Assert.True(fused.Value.Probability > 0.9f);
        // The window's zero for the network's name does not veto it alone: floored.
        FusedName? floored = NameWindowFusion.Fuse(Of(("제주", 0.999f), ("대구", 0.0001f)), Of(("대구", 0.95f), ("제주", 0f), ("대전", 0.05f)));
        Assert.NotNull(floored);
        Assert.Equal("제주", floored.Value.Name);
    }

    [Fact]
    public void An_unsure_window_is_read_with_the_network_not_ignored()
    {
        // Seed 5's 843: the network's 전북 0.64 (a false plate on main), the window's 경북 0.72: the product's 경북 leads.
        FusedName? disputed = NameWindowFusion.Fuse(Of(("전북", 0.64f), ("경북", 0.36f)), Of(("경북", 0.72f), ("전북", 0.24f), ("제주", 0.01f)));
        Assert.NotNull(disputed);
        Assert.Equal("경북", disputed.Value.Name);
        // Two unsure readers agreeing, one of them leaning to the name: surer together than either alone.
        FusedName? agreed = NameWindowFusion.Fuse(Of(("충남", 0.49f), ("경남", 0.36f), ("전남", 0.12f)), Of(("충남", 0.85f), ("경남", 0.10f), ("전남", 0.05f)));
        Assert.NotNull(agreed);
        Assert.True(agreed.Value.Probability > 0.9f);
        // Two unsure readers disagreeing: neither name comes out sure (it stays under the reported floor).
        FusedName? split = NameWindowFusion.Fuse(Of(("제주", 0.55f), ("대구", 0.40f)), Of(("대구", 0.55f), ("제주", 0.45f)));
        Assert.NotNull(split);
        Assert.True(split.Value.Probability < 0.9f);
        Assert.Null(NameWindowFusion.Fuse(Of(("제주", 1f)), new Dictionary<string, float>()));
        // Two runners-up multiplied: neither reader's first name is the product's, so the product is not used.
        Assert.Null(NameWindowFusion.Fuse(Of(("울산", 0.37f), ("대전", 0.33f), ("대구", 0.30f)), Of(("인천", 0.50f), ("대전", 0.45f), ("울산", 0.05f))));
    }

    [Fact]
    public void Two_readers_guessing_the_same_name_are_no_surer_than_the_surer_of_them()
    {
        // Seed 8's 482 (truth 충남): the network's 대전 0.36, the window's 대전 0.34 — the product's share alone was 0.68.
        FusedName? guessed = NameWindowFusion.Fuse(Of(("대전", 0.36f), ("제주", 0.19f), ("경남", 0.14f), ("충남", 0.10f)), Of(("대전", 0.34f), ("경남", 0.25f), ("충남", 0.22f), ("부산", 0.10f)));
        Assert.NotNull(guessed);
        Assert.Equal("대전", guessed.Value.Name);
        Assert.Equal(0.36f, guessed.Value.Probability, 3);
        // Guard: one reader leaning to the agreed name (seed 7's 640: 세종 0.45 and 0.80) keeps the product's share.
        FusedName? leaning = NameWindowFusion.Fuse(Of(("세종", 0.45f), ("제주", 0.25f), ("서울", 0.17f)), Of(("세종", 0.80f), ("서울", 0.14f), ("제주", 0.02f)));
        Assert.NotNull(leaning);
        Assert.True(leaning.Value.Probability > 0.9f);
        // Guard: the window turning the network's name (seed 7's 782: 인천 0.45 against the network's 전북 0.26) is no agreement.
        FusedName? turned = NameWindowFusion.Fuse(Of(("전북", 0.26f), ("인천", 0.21f), ("경북", 0.18f)), Of(("인천", 0.45f), ("대전", 0.13f), ("대구", 0.11f), ("전북", 0.05f)));
        Assert.NotNull(turned);
        Assert.Equal("인천", turned.Value.Name);
        Assert.True(turned.Value.Probability > 0.45f);
    }

    [Fact]
    public void A_name_both_readers_only_guessed_is_not_reported_as_a_small_plates_unseen_name()
    {
        // Seed 8's 482, 충남00아2850 (stacked, 114 px): 대전00아2850 at 0.68 on main, a false plate.
        BenchScenes.AssertDoesNotRead(482, "대전00아2850", seed: 8);
    }

    [Theory]
    [InlineData(2, 24, "인천76바1799")] // the network's 전북 0.30, the window's 인천 0.37–0.50: under 0.9, left out on main
    [InlineData(2, 791, "충북22사5147")] // the network's 전북 0.36 / 충북 0.25, the window's 충북 0.69
    [InlineData(2, 612, "대구99사1691")] // 제주99사1691 reported on main (a false plate)
    [InlineData(3, 773, "세종92자5036")] // the network's 부산 0.61, the window's 세종 0.83: 부산92자5036 reported on main (a false plate)
    [InlineData(4, 737, "강원47바5318")] // the network's 경남 0.20, the window's 강원 0.88
    public void A_stacked_name_both_readers_are_unsure_of_is_read_from_their_product(int seed, int scene, string plate)
    {
        BenchScenes.AssertReads(scene, plate, seed: seed).Frame.Dispose();
    }

    private static Dictionary<string, float> Of(params (string Name, float P)[] p) => p.ToDictionary(x => x.Name, x => x.P);
}
