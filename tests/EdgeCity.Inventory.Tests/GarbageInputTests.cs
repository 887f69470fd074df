using System.Text;

namespace EdgeCity.Inventory.Tests;

/// <summary>Whatever the bytes, the validator answers with problems and never throws.</summary>
public sealed class GarbageInputTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_give_problems_not_exceptions(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            byte[] bytes = new byte[random.Next(1, 600)];
            random.NextBytes(bytes);

            IReadOnlyList<ValidationProblem> problems = Validate(bytes, $"seed {seed}, case {i}");

            Assert.True(problems.Count > 0, $"seed {seed}, case {i}: random bytes were accepted");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Random_json_punctuation_gives_problems_not_exceptions(int seed)
    {
        const string Alphabet = "{}[]:,\"\\ 0123456789.eE-+truefalsn\n\tx한";
        var random = new Random(seed);
        for (int i = 0; i < 300; i++)
        {
            string text = new([.. Enumerable.Range(0, random.Next(1, 200)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            Validate(Encoding.UTF8.GetBytes(text), $"seed {seed}, case {i}: {text}");
        }
    }

    [Fact]
    public void Every_truncation_of_the_shipped_file_gives_problems_not_exceptions()
    {
        byte[] full = File.ReadAllBytes(RepositoryFiles.BoardsJson);
        for (int length = 0; length < full.Length - 2; length += 97)
        {
            IReadOnlyList<ValidationProblem> problems = Validate(full[..length], $"truncated to {length} bytes");

            Assert.True(problems.Count > 0, $"truncated to {length} bytes: accepted");
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(21)]
    public void Random_edits_of_the_shipped_file_give_problems_or_a_valid_inventory_not_exceptions(int seed)
    {
        string original = File.ReadAllText(RepositoryFiles.BoardsJson);
        string[] replacements = ["", "0", "-1", "1e400", "1.5", "\"\"", "\"x\"", "null", "true", "[]", "{}", "\"0x1E\"", ",", "}", "]"];
        var random = new Random(seed);
        for (int i = 0; i < 60; i++)
        {
            var text = new StringBuilder(original);
            for (int edit = random.Next(1, 4); edit > 0; edit--)
            {
                int at = random.Next(text.Length);
                int length = Math.Min(random.Next(0, 12), text.Length - at);
                text.Remove(at, length).Insert(at, replacements[random.Next(replacements.Length)]);
            }

            Validate(Encoding.UTF8.GetBytes(text.ToString()), $"seed {seed}, case {i}");
        }
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    public void Deeply_nested_json_is_reported_at_the_depth_limit(string open, string close)
    {
        string text = string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000));

        ValidationProblem problem = Assert.Single(Validate(Encoding.UTF8.GetBytes(text), "deep"));

        Assert.Equal((ValidationProblemKind.Syntax, 1), (problem.Kind, problem.Line));
        Assert.Contains("maximum configured depth of 64", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "found an array (expected an object)")]
    [InlineData("42", "found the number 42 (expected an object)")]
    [InlineData("\"boards\"", "found the string 'boards' (expected an object)")]
    [InlineData("null", "found null (expected an object)")]
    [InlineData("true", "found true (expected an object)")]
    public void A_root_that_is_not_an_object_is_one_problem_at_the_start(string json, string message)
    {
        ValidationProblem problem = Assert.Single(Validate(Encoding.UTF8.GetBytes(json), json));

        Assert.Equal("boards.json:1:1: $: " + message, problem.ToString());
    }

    [Fact]
    public void An_empty_object_lists_every_missing_section()
    {
        IReadOnlyList<ValidationProblem> problems = Validate("{}"u8.ToArray(), "{}");

        Assert.Equal(
            ["site", "gateways", "tariffs", "parkingLots", "bays", "shelters", "cameras"],
            problems.Select(p => p.Message.Split('\'')[1]));
    }

    [Fact]
    public void Huge_numbers_give_problems_not_exceptions()
    {
        string text = MinimalInventory.With("\"lat\": 35.1556", "\"lat\": 1e400").Replace("\"mqttPort\": 1883", "\"mqttPort\": 99999999999999999999999", StringComparison.Ordinal);

        IReadOnlyList<ValidationProblem> problems = Validate(Encoding.UTF8.GetBytes(text), "huge numbers");

        Assert.Contains(problems, p => p.Path == "$.bays[0].location.lat");
        Assert.Contains(problems, p => p.Path == "$.gateways[0].mqttPort");
    }

    [Fact]
    public void A_file_with_thousands_of_problems_lists_a_bounded_number()
    {
        string bays = string.Join(", ", Enumerable.Repeat("1", 5000));
        string text = MinimalInventory.With("\"bays\": [", $"\"bays\": [{bays}, ");

        IReadOnlyList<ValidationProblem> problems = Validate(Encoding.UTF8.GetBytes(text), "5000 bad bays");

        Assert.Equal(501, problems.Count);
        Assert.Equal("boards.json: 4500 more problems not listed (stopped after 500)", problems[^1].ToString());
    }

    private static IReadOnlyList<ValidationProblem> Validate(byte[] bytes, string context)
    {
        try
        {
            return BoardsValidator.ValidateJson(bytes);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{context}: the validator threw {ex}");
            throw;
        }
    }
}
