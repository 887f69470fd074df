using System.CommandLine;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Commands;

/// <summary><c>edgecity boards validate [FILE]</c>: checks a boards.json.</summary>
public static class BoardsCommand
{
    /// <summary>Creates the <c>boards</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "The inventory to check",
            DefaultValueFactory = _ => "boards.json",
        };
        var validate = new Command("validate", "Check a boards.json: one line per problem (file:line:column: JSON path: what was expected)")
        {
            file,
        };
        validate.SetAction(parse => BoardsValidateCommand.Run(parse.GetValue(file)!, Console.Out, Console.Error));

        return new Command("boards", "The inventory of boards (boards.json)") { validate };
    }
}
