namespace EdgeCity.Anpr.Detection;

/// <summary>
/// Blobs grouped by a neighbour rule, transitively (union–find): a row of characters (<see cref="TextLineFinder"/>), a
/// far two-line plate's glued pieces (<see cref="GluedTwoLineText"/>).
/// </summary>
internal static class BlobClusters
{
    /// <summary>
    /// The groups of <paramref name="blobs"/> (sorted by left edge) in which each blob is <paramref name="joined"/> to
    /// another, looking right of each blob only as far as its <paramref name="reach"/> (a left edge, px); each group in
    /// left-edge order, the groups in the order of their leftmost blobs' roots.
    /// </summary>
    public static List<List<CharacterBlob>> Group(IReadOnlyList<CharacterBlob> blobs, Func<CharacterBlob, float> reach, Func<CharacterBlob, CharacterBlob, bool> joined)
    {
        int n = blobs.Count;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++)
        {
            CharacterBlob a = blobs[i];
            float farthest = reach(a);
            for (int j = i + 1; j < n && blobs[j].X <= farthest; j++)
            {
                if (joined(a, blobs[j])) parent[Root(parent, i)] = Root(parent, j);
            }
        }

        var groups = new Dictionary<int, List<CharacterBlob>>();
        for (int i = 0; i < n; i++)
        {
            int root = Root(parent, i);
            if (!groups.TryGetValue(root, out var list)) groups[root] = list = [];
            list.Add(blobs[i]);
        }

        return [.. groups.Values];
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
