using System.Globalization;
using OpenCvSharp;

namespace EdgeCity.Anpr.Camera;

/// <summary>
/// Frames from a camera, headless, through OpenCV's VideoCapture: an RTSP/HTTP URL (FFmpeg backend), a V4L2 device
/// (<c>/dev/video0</c>), or a video file / image sequence (<c>frames/%04d.jpg</c>).
/// </summary>
public sealed class CameraSource : IDisposable
{
    private readonly VideoCapture _capture;

    private CameraSource(VideoCapture capture, string source)
    {
        _capture = capture;
        Source = source;
    }

    /// <summary>What was opened.</summary>
    public string Source { get; }

    /// <summary>Opens <paramref name="source"/>; the error says what kind of source it was taken for.</summary>
    /// <exception cref="IOException">It cannot be opened.</exception>
    public static CameraSource Open(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        VideoCapture capture;
        string kind;
        if (source.Contains("://", StringComparison.Ordinal))
        {
            kind = "stream URL";
            capture = new VideoCapture(source, VideoCaptureAPIs.FFMPEG);
        }
        else if (source.StartsWith("/dev/video", StringComparison.Ordinal)
                 && int.TryParse(source["/dev/video".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out int device))
        {
            kind = "V4L2 device";
            capture = new VideoCapture(device, VideoCaptureAPIs.V4L2);
        }
        else
        {
            kind = "video file or image sequence";
            capture = new VideoCapture(source);
        }

        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new IOException($"cannot open camera source '{source}' as a {kind}");
        }

        return new CameraSource(capture, source);
    }

    /// <summary>Reads the next frame into <paramref name="frame"/>; false at the end of a file or when the stream drops.</summary>
    public bool TryRead(Mat frame) => _capture.Read(frame) && !frame.Empty();

    /// <inheritdoc />
    public void Dispose() => _capture.Dispose();
}
