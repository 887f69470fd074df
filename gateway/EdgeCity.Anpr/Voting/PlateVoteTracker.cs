using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Voting;

/// <summary>
/// Follows plates across consecutive frames of one camera and votes their reading: a reading joins the track whose
/// last box it overlaps (or is near, for a moving car), or whose text it repeats; a track not seen for
/// <see cref="MaxGapFrames"/> frames is finished and its vote returned.
/// </summary>
public sealed class PlateVoteTracker
{
    private readonly List<PlateTrack> _tracks = [];
    private readonly RegionProfile _profile;

    /// <summary>A tracker validating voted readings against <paramref name="profile"/>.</summary>
    public PlateVoteTracker(RegionProfile profile, int maxGapFrames = 5)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGapFrames, 0);
        _profile = profile;
        MaxGapFrames = maxGapFrames;
    }

    /// <summary>Frames a track may go unseen before it is finished.</summary>
    public int MaxGapFrames { get; }

    /// <summary>Votes of the tracks still open.</summary>
    public IReadOnlyList<VotedPlate> Current => _tracks.Select(t => t.Vote(IsValid)).ToList();

    /// <summary>Adds frame <paramref name="frame"/>'s readings; returns the votes of tracks that just finished.</summary>
    public IReadOnlyList<VotedPlate> Observe(long frame, IReadOnlyList<PlateReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var taken = new HashSet<PlateTrack>();
        foreach (PlateReading reading in readings.OrderByDescending(r => r.Confidence))
        {
            PlateTrack? track = _tracks.Where(t => !taken.Contains(t)).Select(t => (Track: t, Affinity: Affinity(t.Last, reading)))
                .Where(p => p.Affinity > 0).OrderByDescending(p => p.Affinity).Select(p => p.Track).FirstOrDefault();
            if (track is null)
            {
                track = new PlateTrack(frame, reading);
                _tracks.Add(track);
            }
            else
            {
                track.Add(frame, reading);
            }

            taken.Add(track);
        }

        var finished = _tracks.Where(t => frame - t.LastFrame > MaxGapFrames).ToList();
        foreach (PlateTrack t in finished) _tracks.Remove(t);
        return finished.Select(t => t.Vote(IsValid)).ToList();
    }

    /// <summary>Finishes every open track (end of stream).</summary>
    public IReadOnlyList<VotedPlate> Flush()
    {
        var votes = _tracks.Select(t => t.Vote(IsValid)).ToList();
        _tracks.Clear();
        return votes;
    }

    private bool IsValid(string text) => _profile.Validate(text) is not null;

    // > 0 when the reading plausibly belongs to the same vehicle: same text, overlapping boxes, or close by.
    private static double Affinity(PlateReading last, PlateReading next)
    {
        int ix = Math.Min(last.X + last.Width, next.X + next.Width) - Math.Max(last.X, next.X);
        int iy = Math.Min(last.Y + last.Height, next.Y + next.Height) - Math.Max(last.Y, next.Y);
        double iou = ix > 0 && iy > 0 ? ix * (double)iy / ((last.Width * last.Height) + (next.Width * next.Height) - (ix * iy)) : 0;
        double dx = (last.X + (last.Width / 2.0)) - (next.X + (next.Width / 2.0));
        double dy = (last.Y + (last.Height / 2.0)) - (next.Y + (next.Height / 2.0));
        bool near = Math.Sqrt((dx * dx) + (dy * dy)) < 1.5 * Math.Max(last.Width, next.Width);
        double affinity = iou + (near ? 0.1 : 0) + (last.Text == next.Text ? 1 : 0);
        return near || last.Text == next.Text ? affinity : 0;
    }
}
