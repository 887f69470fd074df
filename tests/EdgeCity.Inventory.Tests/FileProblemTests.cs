using System.Text;

namespace EdgeCity.Inventory.Tests;

/// <summary>Problems with the file as a whole: missing, unreadable, empty, not text.</summary>
public sealed class FileProblemTests
{
    [Fact]
    public void A_missing_file_is_one_problem_without_a_position()
    {
        string path = Path.Combine(Path.GetTempPath(), "edgecity-inventory-tests", Guid.NewGuid().ToString("N"), "boards.json");

        ValidationProblem problem = Assert.Single(BoardsValidator.Validate(path));

        Assert.Equal(ValidationProblemKind.FileNotFound, problem.Kind);
        Assert.Equal($"{path}: file not found (expected a boards.json inventory at this path)", problem.ToString());
    }

    [Fact]
    public void A_directory_instead_of_a_file_is_reported_as_unreadable()
    {
        string directory = Directory.CreateTempSubdirectory("edgecity-inventory-tests-").FullName;
        try
        {
            ValidationProblem problem = Assert.Single(BoardsValidator.Validate(directory));

            Assert.Equal((ValidationProblemKind.File, 0), (problem.Kind, problem.Line));
            Assert.StartsWith("cannot read the file", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n")]
    public void An_empty_file_is_reported_at_its_start(string content)
    {
        using var file = TempBoardsFile.WithText(content);

        Assert.Equal(
            $"{file.Path}:1:1: $: the file is empty (expected a JSON object with site, gateways, tariffs, parkingLots, bays, shelters and cameras)",
            file.SingleProblem());
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_at_the_first_bad_byte()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("{\n  \"site\": {\"id\": \"caf\u00e9\"}\n}");
        using var file = TempBoardsFile.WithBytes(latin1);

        Assert.Equal(
            $"{file.Path}:2:22: $: byte 0xE9 at offset 23 is not UTF-8 text (expected a UTF-8 JSON file)",
            file.SingleProblem());
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_and_does_not_shift_columns()
    {
        byte[] text = new UTF8Encoding(false).GetBytes(MinimalInventory.With("\"lotId\": \"lot-a\"", "\"lotId\": \"lot-x\""));
        using var file = TempBoardsFile.WithBytes([0xEF, 0xBB, 0xBF, .. text]);

        ValidationProblem problem = Assert.Single(file.Validate());

        Assert.Equal((17, 7), (problem.Line, problem.Column));
    }
}
