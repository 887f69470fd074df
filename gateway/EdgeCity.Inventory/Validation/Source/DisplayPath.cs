using System.Globalization;

namespace EdgeCity.Inventory;

/// <summary>JSONPath-style display paths (<c>$.bays[3].lotId</c>), written as System.Text.Json writes them.</summary>
internal static class DisplayPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsPlainName(name) ? parent + "." + name : parent + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Element(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Best-effort display path for a pointer with no node in the file (digits read as indices).</summary>
    public static string FromPointer(string pointer)
    {
        string path = Root;
        foreach (string segment in JsonPointerText.Segments(pointer))
        {
            path = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                ? Element(path, index)
                : Property(path, segment);
        }

        return path;
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
