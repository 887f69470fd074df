namespace EdgeCity.Inventory;

/// <summary>A problem the <see cref="SourceScanner"/> found in the text itself.</summary>
internal readonly record struct SourceIssue(TextPosition Position, string Path, string Message);
