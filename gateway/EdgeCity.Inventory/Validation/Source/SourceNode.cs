namespace EdgeCity.Inventory;

/// <summary>Where one JSON value sits in the file.</summary>
/// <param name="Path">Display path, e.g. <c>$.bays[3].sensors[1].i2cAddress</c>.</param>
/// <param name="NameOffset">Byte offset of the property name, or -1 for an array element or the root.</param>
/// <param name="ValueOffset">Byte offset of the value's first character.</param>
internal readonly record struct SourceNode(string Path, long NameOffset, long ValueOffset)
{
    /// <summary>A property is reported at its name (where a reader looks), anything else at its value.</summary>
    public long ReportOffset => NameOffset >= 0 ? NameOffset : ValueOffset;
}
