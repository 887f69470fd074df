using EdgeCity.Anpr.Regions;
using EdgeCity.Anpr.Voting;

namespace EdgeCity.Anpr.Tests;

public class PlateVoteTrackerTests
{
    private static PlateReading At(string text, int x, double confidence = 0.8) => new(text, confidence, x, 400, 150, 40, "kr");

    [Fact]
    public void A_different_misread_in_every_frame_is_voted_right_character_by_character()
    {
        var tracker = new PlateVoteTracker(RegionProfile.Load("kr"));
        string[] frames = ["123가4567", "128가4567", "123거4567", "123가4561", "723가4567"];
        for (int i = 0; i < frames.Length; i++) Assert.Empty(tracker.Observe(i, [At(frames[i], 300 + (i * 10))]));
        VotedPlate vote = Assert.Single(tracker.Flush());
        Assert.Equal("123가4567", vote.Text);
        Assert.Equal(5, vote.Frames);
    }

    [Fact]
    public void Two_cars_in_the_same_frames_stay_two_tracks_and_finish_after_the_gap()
    {
        var tracker = new PlateVoteTracker(RegionProfile.Load("kr"), maxGapFrames: 2);
        for (int i = 0; i < 3; i++) tracker.Observe(i, [At("12가3456", 100 + (i * 5)), At("34나5678", 900 - (i * 5))]);
        Assert.Empty(tracker.Observe(3, []));
        Assert.Empty(tracker.Observe(4, []));
        var finished = tracker.Observe(5, []);
        Assert.Equal(["12가3456", "34나5678"], finished.Select(v => v.Text).Order(StringComparer.Ordinal));
    }
}
