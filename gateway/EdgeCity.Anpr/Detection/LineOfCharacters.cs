namespace EdgeCity.Anpr.Detection;

/// <summary>
/// Whether parts a re-split left look like a line of a plate's characters: at least <see cref="ShortestRun"/> of them side by
/// side, no wider than tall, of one height (a plausible share of the component's), standing on one baseline, at a
/// regular pitch. A plate's main line always holds such a run (its four digits; an EU plate's letters and digits); a
/// re-split that leaves only scraps of uneven height at uneven spacing has cut up something else — a white plate's text
/// glued to a light car's edge, a grille — and the blob is better kept as the opening left it (<c>wip/anrim3</c>).
/// </summary>
internal static class LineOfCharacters
{
    /// <summary>The fewest characters side by side that make a line (a Korean main line's four digits).</summary>
    public const int ShortestRun = 4;

    /// <summary>A run's tallest part over its shortest at most (rendered digits of one line differ by a pixel or two).</summary>
    private const float HeightSpread = 1.25f;

    /// <summary>A character's height at least this share of the component's (a rim around two lines: the main line ~0.45).</summary>
    private const float LeastShareOfComponent = 0.3f;

    /// <summary>Neighbours' centres at most this many character heights apart (digits ~0.6–0.75, with a gap ~1).</summary>
    private const float WidestPitch = 1.2f;

    /// <summary>A run's widest pitch over its narrowest at most.</summary>
    private const float PitchSpread = 1.5f;

    /// <summary>Neighbours' baselines at most this share of a character's height apart (a plate rolled a few degrees).</summary>
    private const float BaselineStep = 0.2f;

    /// <summary>True where <paramref name="parts"/> (of a component <paramref name="componentHeight"/> tall) hold such a run.</summary>
    public static bool Holds(IReadOnlyList<CharacterBlob> parts, int componentHeight)
    {
        var candidates = parts
            .Where(p => p.Width <= p.Height && p.Height >= LeastShareOfComponent * componentHeight)
            .OrderBy(p => p.CentreX)
            .ToList();
        foreach (var anchor in candidates)
        {
            // The parts of about the anchor's height, left to right; a run of them at a regular pitch.
            var alike = candidates.Where(p => p.Height >= anchor.Height && p.Height <= HeightSpread * anchor.Height).ToList();
            if (alike.Count < ShortestRun) continue;
            float limit = WidestPitch * HeightSpread * anchor.Height;
            int start = 0;
            for (int i = 1; i <= alike.Count; i++)
            {
                bool joins = i < alike.Count && Neighbours(alike[i - 1], alike[i], limit);
                if (joins) continue;
                if (i - start >= ShortestRun && RegularPitch(alike, start, i)) return true;
                start = i;
            }
        }

        return false;
    }

    private static bool Neighbours(CharacterBlob left, CharacterBlob right, float limit)
    {
        float pitch = right.CentreX - left.CentreX;
        int step = Math.Abs((right.Y + right.Height) - (left.Y + left.Height));
        return pitch > 0 && pitch <= limit && step <= BaselineStep * Math.Max(left.Height, right.Height);
    }

    private static bool RegularPitch(List<CharacterBlob> run, int start, int end)
    {
        // Any ShortestRun neighbours in a row at a regular pitch will do (a Hangul or a gap may stand between groups).
        for (int s = start; s + ShortestRun <= end; s++)
        {
            float narrowest = float.MaxValue, widest = 0;
            for (int i = s + 1; i < s + ShortestRun; i++)
            {
                float pitch = run[i].CentreX - run[i - 1].CentreX;
                narrowest = Math.Min(narrowest, pitch);
                widest = Math.Max(widest, pitch);
            }

            if (widest <= PitchSpread * narrowest) return true;
        }

        return false;
    }
}
