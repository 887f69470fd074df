namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The long straight edges of a plate's body above and below a row of its characters (<see cref="PlateBody"/>): lines
/// along which the vertical gradient runs unbroken across the row's columns, where the characters' own tops and bottoms
/// stop between them.
/// </summary>
internal static class PlateBodyEdges
{
    /// <summary>The steepest body edge looked for: roll and a plate's perspective (±30° of yaw) together.</summary>
    public const float MaxSlope = 0.35f;

    /// <summary>Edge lines covering less of the row's columns are not the body's (see <see cref="Find"/>).</summary>
    private const double MinEdgeScore = 0.5;

    /// <summary>
    /// The candidate edges: straight lines y = y0 + slope·(x − lx), y0 in [<paramref name="fromY"/>, <paramref name="toY"/>],
    /// along which the vertical gradient <paramref name="g"/> (of the row's columns c0..c1 only, <paramref name="gw"/> wide)
    /// of <paramref name="sign"/> is strong over those columns (each column's
    /// response capped at <paramref name="cap"/>, so a long weak edge outweighs a few strong strokes), covering at least
    /// half of them, local maxima only, the strongest <see cref="MaxEdges"/>. Not the strongest alone: farther out a
    /// bumper's or grille's long edges may be stronger than a plate's edge against a light car, and nearer in a two-line
    /// plate's upper line has a baseline. With <paramref name="exhaustive"/> every line is scored to the end (the tests'
    /// reference for the pruned search, whose result is the same).
    /// </summary>
    public static List<(float Y, float Slope, double Score)> Find(float[] g, int gw, int rows, int c0, int c1, float lx, float fromY, float toY, int sign, float cap, bool exhaustive = false)
    {
        // Each sampled column's response within a pixel of each row (a line's rounding steps a pixel along a sloped edge),
        // of the edge's sign, capped and scaled to 0..1: computed once, then every line's score is a sum of lookups.
        var response = new float[rows * gw];
        for (int y = 1; y < rows - 1; y++)
        {
            for (int x = c0; x <= c1; x += 2)
            {
                float v = Math.Max(sign * g[((y - 1) * gw) + x - c0], Math.Max(sign * g[(y * gw) + x - c0], sign * g[((y + 1) * gw) + x - c0]));
                if (v > 0) response[(y * gw) + x - c0] = Math.Min(v, cap) / cap;
            }
        }

        // Each sampled column's offset along the slope scored (the same float products as computed in place).
        var offsets = new float[((c1 - c0) / 2) + 1];
        double Score(float y0)
        {
            double sum = 0;
            int n = 0;
            for (int x = c0, k = 0; x <= c1; x += 2, k++)
            {
                int y = (int)MathF.Round(y0 + offsets[k]);
                if (y < 1 || y >= rows - 1) continue;
                n++;
                sum += response[(y * gw) + x - c0];
            }

            return n == 0 ? 0 : sum / n;
        }

        // The same along the line itself, interpolated between rows, and capped only at 4 times the cap (a cap flattens the
        // response across a strong edge's width, where any line would do): where the edge is, to a fraction of a pixel.
        double Exact(float y0, float slope)
        {
            double sum = 0;
            int n = 0;
            for (int x = c0; x <= c1; x += 2)
            {
                float yf = y0 + (slope * (x - lx));
                int y = (int)MathF.Floor(yf);
                if (y < 0 || y >= rows - 1) continue;
                n++;
                float f = yf - y, v = sign * ((g[(y * gw) + x - c0] * (1 - f)) + (g[((y + 1) * gw) + x - c0] * f));
                if (v > 0) sum += Math.Min(v, 4 * cap);
            }

            return n == 0 ? 0 : sum / n;
        }

        // Score(y0) where it can reach floor, else -1: stopped as soon as the columns left, each worth at most 1, cannot lift
        // the sum to floor (where every column lies inside the patch, so the mean is over all of them). The sum is taken in
        // the same order as Score's, so a line scored to the end scores the same.
        double ScoreReaching(float y0, double floor)
        {
            double sum = 0, need = (floor * offsets.Length) - 1e-6;
            for (int x = c0, k = 0; x <= c1; x += 2, k++)
            {
                if (sum + (offsets.Length - k) < need) return -1;
                int y = (int)MathF.Round(y0 + offsets[k]);
                sum += response[(y * gw) + x - c0];
            }

            return sum / offsets.Length;
        }

        var found = new List<(float Y, float Slope, double Score)>();
        int steps = (int)(toY - fromY) + 1;
        if (steps < 1) return found;
        var profile = new (double Score, float Slope)[steps];
        // Slope by slope (each slope's offsets computed once), each height's best kept: the same maxima, the first slope
        // of a tie, as height by height. A line that cannot beat its height's best so far, nor reach MinEdgeScore, is not
        // scored to the end (most are not: the edges are a few lines of many): a height's profile then stays under
        // MinEdgeScore only where it would have anyway, and such a height is neither a peak nor above one, so the peaks,
        // their scores and slopes are the exhaustive search's.
        float reachOffset = MaxSlope * Math.Max(Math.Abs(c0 - lx), Math.Abs(c1 - lx));
        bool inside = fromY - reachOffset >= 2 && fromY + steps - 1 + reachOffset <= rows - 3;
        for (float slope = -MaxSlope; slope <= MaxSlope + 1e-4f; slope += CoarseSlopeStep)
        {
            for (int x = c0, k = 0; x <= c1; x += 2, k++) offsets[k] = slope * (x - lx);
            for (int i = 0; i < steps; i++)
            {
                double s = inside && !exhaustive ? ScoreReaching(fromY + i, Math.Max(profile[i].Score, MinEdgeScore)) : Score(fromY + i);
                if (s > profile[i].Score) profile[i] = (s, slope);
            }
        }

        var peaks = new List<int>();
        for (int i = 0; i < steps; i++)
        {
            double here = profile[i].Score;
            if (here < MinEdgeScore) continue;
            // A local maximum: the strongest of the line and its neighbours within 2 px.
            bool peak = true;
            for (int j = Math.Max(0, i - 2); j <= Math.Min(steps - 1, i + 2); j++) if (profile[j].Score > here || (profile[j].Score == here && j < i)) peak = false;
            if (peak) peaks.Add(i);
        }

        foreach (int i in peaks.OrderByDescending(i => profile[i].Score).Take(MaxEdges))
        {
            // Refined: the slope in finer steps, the height in quarter pixels, along the line itself.
            double bestScore = -1;
            float bestY = fromY + i, bestSlope = profile[i].Slope, coarseY = bestY, coarseSlope = bestSlope;
            for (float slope = coarseSlope - CoarseSlopeStep; slope <= coarseSlope + CoarseSlopeStep; slope += 0.005f)
            {
                for (float y0 = coarseY - 1.5f; y0 <= coarseY + 1.5f; y0 += 0.25f)
                {
                    double s = Exact(y0, slope);
                    if (s > bestScore) (bestScore, bestY, bestSlope) = (s, y0, slope);
                }
            }

            found.Add((bestY, bestSlope, profile[i].Score));
        }

        return found;
    }

    /// <summary>
    /// The coarse search's slope step: over a row's half-width (~50 px) the line then lies within a pixel of the edge,
    /// where the response is taken (the refinement follows in steps of 0.005).
    /// </summary>
    private const float CoarseSlopeStep = 0.035f;

    /// <summary>
    /// Candidate edges kept on each side: the plate's, a bumper's or holder's, a two-line plate's upper line's baseline, and
    /// the characters' own tops or bottoms where the row lies off the text's middle (a row of the characters' glued tops).
    /// </summary>
    private const int MaxEdges = 4;
}
