namespace EdgeCity.Inventory;

/// <summary>What <see cref="SourceScanner"/> learnt: the map of values, and problems in the text.</summary>
/// <param name="Map">Every value read before any syntax error.</param>
/// <param name="SyntaxError">The first syntax error, which ends the scan; null when the JSON is well-formed.</param>
/// <param name="DuplicateProperties">Properties written twice in one object (valid JSON, never intended).</param>
internal sealed record SourceScan(SourceMap Map, SourceIssue? SyntaxError, IReadOnlyList<SourceIssue> DuplicateProperties);
