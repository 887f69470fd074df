namespace EdgeCity.Anpr.Detection;

/// <summary>One level of a frame's reading (<see cref="ReadingScales.Levels"/>).</summary>
/// <param name="Factor">The frame is resampled by 1 / <paramref name="Factor"/> (0.5: doubled; 1: as it is; 2: halved).</param>
/// <param name="Rows">Which of the level's rows are read.</param>
internal readonly record struct ReadingLevel(double Factor, ReadingLevel.RowsOf Rows)
{
    /// <summary>Whether the level has the second look at far plates (only where its rows are not limited to large ones).</summary>
    public bool SecondLook => Rows != RowsOf.TooLargeBefore;

    /// <summary>Which rows a level reads.</summary>
    public enum RowsOf
    {
        /// <summary>Every row: the first level.</summary>
        All,

        /// <summary>Rows whose characters were too large for the finer level read before (a coarser level).</summary>
        TooLargeBefore,

        /// <summary>Rows within the search's range (a finer level read after the coarser ones).</summary>
        WithinRange,
    }
}
