namespace EdgeCity.Anpr.Voting;

/// <summary>A vehicle's plate as voted over the frames it was seen in.</summary>
/// <param name="Text">The winning reading.</param>
/// <param name="Confidence">Share of the track's confidence mass behind the winning reading, times its mean confidence, 0…1.</param>
/// <param name="Frames">Frames with a reading.</param>
/// <param name="FirstFrame">First frame number.</param>
/// <param name="LastFrame">Last frame number.</param>
public sealed record VotedPlate(string Text, double Confidence, int Frames, long FirstFrame, long LastFrame);
