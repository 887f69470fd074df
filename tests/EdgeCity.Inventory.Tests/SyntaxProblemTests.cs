namespace EdgeCity.Inventory.Tests;

/// <summary>Malformed JSON: the first error, where System.Text.Json found it, in characters.</summary>
public sealed class SyntaxProblemTests
{
    [Fact]
    public void A_missing_comma_is_reported_where_the_next_property_starts()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"label\": \"A-001\",", "\"label\": \"A-001\""));

        Assert.Equal(
            $"{file.Path}:19:7: $.bays[0].label: invalid JSON: '\"' is invalid after a value. Expected either ',', '}}', or ']'.",
            file.SingleProblem());
    }

    [Fact]
    public void A_syntax_error_after_korean_text_is_reported_in_characters_not_bytes()
    {
        // In bytes the stray A would be at column 29: each Hangul syllable is three bytes of UTF-8.
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"정류장 A\",", "\"정류장 A\" A,"));

        Assert.Equal(
            $"{file.Path}:42:23: $.shelters[0].name: invalid JSON: 'A' is invalid after a value. Expected either ',', '}}', or ']'.",
            file.SingleProblem());
    }

    [Fact]
    public void A_trailing_comma_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"interruptPin\": 5}", "\"interruptPin\": 5},"));

        ValidationProblem problem = Assert.Single(file.Validate());

        Assert.Equal((ValidationProblemKind.Syntax, 24, 7), (problem.Kind, problem.Line, problem.Column));
        Assert.Contains("trailing comma", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_is_reported_because_boards_json_is_strict_json()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"bays\": [", "\"bays\": [ // the Seomyeon lot"));

        ValidationProblem problem = Assert.Single(file.Validate());

        Assert.Equal((ValidationProblemKind.Syntax, 14, 13, "$.bays"), (problem.Kind, problem.Line, problem.Column, problem.Path));
    }

    [Fact]
    public void A_truncated_file_is_reported_where_the_text_ends()
    {
        string text = MinimalInventory.Text[..MinimalInventory.Text.IndexOf("\"firmware\"", StringComparison.Ordinal)];
        using var file = TempBoardsFile.WithText(text);

        ValidationProblem problem = Assert.Single(file.Validate());

        Assert.Equal((ValidationProblemKind.Syntax, 20, 7, "$.bays[0].location"), (problem.Kind, problem.Line, problem.Column, problem.Path));
        Assert.StartsWith("invalid JSON: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_written_twice_in_one_object_is_reported_at_the_second()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"label\": \"A-001\",", "\"label\": \"A-001\", \"label\": \"A-009\","));

        Assert.Equal(
            $"{file.Path}:18:25: $.bays[0].label: property 'label' is written twice in this object, first at line 18, column 7 (expected each property once)",
            file.SingleProblem());
    }

    [Fact]
    public void A_string_escaping_half_a_surrogate_pair_is_reported_not_thrown()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"Test site\"", "\"\\ud800\""));

        ValidationProblem problem = Assert.Single(file.Validate());

        Assert.Equal((ValidationProblemKind.Syntax, 3, 39, "$.site.name"), (problem.Kind, problem.Line, problem.Column, problem.Path));
    }
}
