using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Which pixels each component of a <see cref="RunComponents.Find(Mat, out ComponentPixels)"/> holds, as its runs: for
/// the few components a caller looks into, as it would into OpenCV's label image.
/// </summary>
internal sealed class ComponentPixels
{
    private readonly InkRuns _runs;
    private readonly int[] _first;
    private readonly int[] _order;

    /// <param name="runs">The labelled image's runs.</param>
    /// <param name="first">Where each component's runs start in <paramref name="order"/> (one more entry than components).</param>
    /// <param name="order">The runs' indices, grouped by component in the components' order.</param>
    internal ComponentPixels(InkRuns runs, int[] first, int[] order)
    {
        _runs = runs;
        _first = first;
        _order = order;
    }

    /// <summary>How many pixels of component <paramref name="component"/> (its index in the list) lie in <paramref name="area"/>.</summary>
    public int CountIn(int component, Rect area)
    {
        int count = 0;
        for (int k = _first[component]; k < _first[component + 1]; k++)
        {
            int r = _order[k], y = _runs.Y[r];
            if (y < area.Top || y >= area.Bottom) continue;
            count += Math.Max(0, Math.Min(_runs.X1[r] + 1, area.Right) - Math.Max(_runs.X0[r], area.Left));
        }

        return count;
    }

    /// <summary>Component <paramref name="component"/>'s pixels in <paramref name="box"/>, row by row (true: the component's).</summary>
    public bool[] Mask(int component, Rect box)
    {
        var mask = new bool[box.Width * box.Height];
        for (int k = _first[component]; k < _first[component + 1]; k++)
        {
            int r = _order[k], y = _runs.Y[r];
            if (y < box.Top || y >= box.Bottom) continue;
            int x0 = Math.Max(_runs.X0[r], box.Left), x1 = Math.Min(_runs.X1[r] + 1, box.Right);
            if (x1 > x0) Array.Fill(mask, true, ((y - box.Top) * box.Width) + x0 - box.Left, x1 - x0);
        }

        return mask;
    }
}
