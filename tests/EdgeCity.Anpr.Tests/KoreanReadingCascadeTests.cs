using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>Stopping a line's reading early, once no reading of it could be reported, changes no reported plate.</summary>
public class KoreanReadingCascadeTests
{
    [Fact]
    public void Every_row_of_simulated_scenes_reports_the_same_with_and_without_the_cascade()
    {
        const int seed = 5, scenes = 10;
        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
        var options = new RecognizerOptions();
        var floor = new ReportFloor(options.MinConfidence, options.MinGlyphProbability);
        using var generator = new SceneGenerator(seed);
        int rows = 0, reported = 0, rejected = 0, stoppedEarly = 0;
        for (int i = 0; i < scenes; i++)
        {
            SyntheticScene scene = generator.Scene(i);
            using Mat grey = Cv2.ImDecode(scene.Jpeg, ImreadModes.Grayscale);
            foreach ((RectifiedLine line, Rect box) in LineSource.Lines(grey))
            {
                using (line)
                {
                    LineReading? full = recognizer.BestReading(line);
                    LineReading? cascaded = recognizer.BestReading(line, floor);
                    string? fullReport = full is null || recognizer.Rejection(full) is not null ? null : full.Text;
                    string? cascadedReport = cascaded is null || recognizer.Rejection(cascaded) is not null ? null : cascaded.Text;
                    Assert.True(fullReport == cascadedReport, $"scene {i} (seed {seed}), row at {box}: read {fullReport ?? "nothing"} in full, {cascadedReport ?? "nothing"} with the cascade");
                    rows++;
                    if (fullReport is not null) reported++;
                    else if (full is not null) rejected++;
                    if (full is not null && cascaded is null) stoppedEarly++;
                }
            }
        }

        // Rows with plates were read, and the cascade stopped most rows whose reading was rejected (it is not a no-op).
        Assert.True(reported >= scenes / 2, $"only {reported} plates reported in {scenes} scenes (seed {seed})");
        Assert.True(stoppedEarly > rejected / 2, $"the cascade stopped {stoppedEarly} of the {rejected} rows whose reading was rejected early, of {rows} rows (seed {seed})");
    }
}
