using EdgeCity.Anpr.Voting;
using OpenCvSharp;

namespace EdgeCity.Anpr.Camera;

/// <summary>
/// One camera's loop: frames from a <see cref="CameraSource"/>, read within the camera's <see cref="RoiMask"/>,
/// voted per vehicle by a <see cref="PlateVoteTracker"/>; yields each vehicle's plate when it has left the view.
/// </summary>
public sealed class CameraPlateReader
{
    private readonly PlateRecognizer _recognizer;
    private readonly RoiMask? _roi;
    private readonly int _maxGapFrames;

    /// <summary>A reader with <paramref name="recognizer"/> and an optional region of interest.</summary>
    public CameraPlateReader(PlateRecognizer recognizer, RoiMask? roi = null, int maxGapFrames = 5)
    {
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _roi = roi;
        _maxGapFrames = maxGapFrames;
    }

    /// <summary>Reads <paramref name="source"/> to its end (or cancellation) and yields the voted plates.</summary>
    public IEnumerable<VotedPlate> Run(CameraSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tracker = new PlateVoteTracker(_recognizer.Profile, _maxGapFrames);
        using var frame = new Mat();
        Mat? mask = null;
        try
        {
            for (long n = 0; !cancellationToken.IsCancellationRequested && source.TryRead(frame); n++)
            {
                mask ??= _roi?.ToMat(frame.Size());
                foreach (VotedPlate plate in tracker.Observe(n, _recognizer.Read(frame, mask))) yield return plate;
            }
        }
        finally
        {
            mask?.Dispose();
        }

        foreach (VotedPlate plate in tracker.Flush()) yield return plate;
    }
}
