using System.Text.Json;
using System.Text.Unicode;

namespace EdgeCity.Inventory;

/// <summary>
/// Checks a boards.json and lists every problem with its line, column, JSON path and what was expected. It never
/// throws on bad input: a missing, empty or binary file, malformed JSON, schema violations (checked against the
/// committed boards.schema.json) and the consistency rules the schema cannot express all become
/// <see cref="ValidationProblem"/>s, in file order.
/// </summary>
public static class BoardsValidator
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Validates the file at <paramref name="path"/>; problems name the file as given.</summary>
    /// <returns>The problems in file order; empty when the file is a valid inventory.</returns>
    public static IReadOnlyList<ValidationProblem> Validate(string path) => CheckFile(path).Problems;

    /// <summary>Validates UTF-8 JSON text; problems name it <paramref name="fileName"/>.</summary>
    /// <returns>The problems in file order; empty when the text is a valid inventory.</returns>
    public static IReadOnlyList<ValidationProblem> ValidateJson(ReadOnlyMemory<byte> utf8Json, string fileName = "boards.json") =>
        Check(utf8Json, fileName).Problems;

    internal static InventoryCheck CheckFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var report = new ProblemReport(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            report.AddForFile(ValidationProblemKind.FileNotFound, "file not found (expected a boards.json inventory at this path)");
            return new InventoryCheck(report.ToList(), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            report.AddForFile(ValidationProblemKind.File, $"cannot read the file: {ex.Message}");
            return new InventoryCheck(report.ToList(), null);
        }

        return Check(bytes, path);
    }

    internal static InventoryCheck Check(ReadOnlyMemory<byte> utf8, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var report = new ProblemReport(fileName);
        if (utf8.Span.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..]; // editors do not show a BOM, so positions count from after it
        }

        if (!CheckText(utf8, report))
        {
            return new InventoryCheck(report.ToList(), null);
        }

        var lines = new LineIndex(utf8);
        SourceScan scan = SourceScanner.Scan(utf8, lines);
        report.Map = scan.Map;
        if (scan.SyntaxError is { } syntax)
        {
            report.Add(ValidationProblemKind.Syntax, syntax.Position, syntax.Path, syntax.Message);
            return new InventoryCheck(report.ToList(), null);
        }

        foreach (SourceIssue duplicate in scan.DuplicateProperties)
        {
            report.Add(ValidationProblemKind.Syntax, duplicate.Position, duplicate.Path, duplicate.Message);
        }

        using JsonDocument document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = SourceScanner.ReaderOptions.MaxDepth });
        SchemaCheck.Run(document.RootElement, report);
        ConsistencyChecks.Run(document.RootElement, report);
        BoardInventory? inventory = report.Count == 0 ? ReadModel(document, scan.Map, report) : null;
        return new InventoryCheck(report.ToList(), inventory);
    }

    private static bool CheckText(ReadOnlyMemory<byte> utf8, ProblemReport report)
    {
        ReadOnlySpan<byte> span = utf8.Span;
        if (span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            report.Add(ValidationProblemKind.File, TextPosition.Start, DisplayPath.Root,
                "the file is empty (expected a JSON object with site, gateways, tariffs, parkingLots, bays, shelters and cameras)");
            return false;
        }

        if (!Utf8.IsValid(span))
        {
            int offset = FirstInvalidUtf8(span);
            report.Add(ValidationProblemKind.File, new LineIndex(utf8[..offset]).At(offset), DisplayPath.Root,
                $"byte 0x{span[offset]:X2} at offset {offset} is not UTF-8 text (expected a UTF-8 JSON file)");
            return false;
        }

        return true;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> span)
    {
        int offset = 0;
        while (offset < span.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return span.Length - 1;
    }

    // The schema allows what the model may still refuse (1.0 where an int is due): report that too, so a
    // file this validator accepts always loads.
    private static BoardInventory? ReadModel(JsonDocument document, SourceMap map, ProblemReport report)
    {
        try
        {
            return document.Deserialize<BoardInventory>(BoardInventoryLoader.JsonOptions)
                ?? throw new JsonException("The document is null.");
        }
        catch (JsonException ex)
        {
            // "The JSON value could not be converted to System.Int32. Path: $.x | LineNumber: …": keep the first sentence.
            string reason = ex.Message.Split(" Path: ")[0];
            string pointer = map.PointerOf(ex.Path) ?? "";
            report.AddAt(ValidationProblemKind.Schema, pointer,
                reason.EndsWith("System.Int32.", StringComparison.Ordinal)
                && JsonPointerText.TryResolve(document.RootElement, pointer, out JsonElement value)
                    ? $"found the number {value.GetRawText()} (expected a whole number written without a fraction or exponent)"
                    : $"cannot be read into the inventory model: {reason} (expected the types boards.schema.json describes)");
            return null;
        }
    }
}
