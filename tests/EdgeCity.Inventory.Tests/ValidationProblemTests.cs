namespace EdgeCity.Inventory.Tests;

/// <summary>How one problem prints: the compiler-style line editors and CI logs link to.</summary>
public sealed class ValidationProblemTests
{
    [Fact]
    public void A_problem_prints_as_file_line_column_path_and_message()
    {
        var problem = new ValidationProblem(
            ValidationProblemKind.Consistency, "boards.json", 12, 7, "$.bays[3].lotId",
            "lot 'x' does not exist (expected one of the ids in $.parkingLots)");

        Assert.Equal("boards.json:12:7: $.bays[3].lotId: lot 'x' does not exist (expected one of the ids in $.parkingLots)", problem.ToString());
    }

    [Fact]
    public void A_problem_with_the_whole_file_prints_without_a_position()
    {
        var problem = new ValidationProblem(ValidationProblemKind.FileNotFound, "boards.json", 0, 0, "$", "file not found");

        Assert.Equal("boards.json: file not found", problem.ToString());
    }
}
