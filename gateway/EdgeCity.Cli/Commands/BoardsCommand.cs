using System.CommandLine;
using EdgeCity.Cli.Boards;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Commands;

/// <summary><c>edgecity boards validate [FILE]</c>, <c>boards show ID</c>, <c>boards diff OLD NEW</c>.</summary>
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

        var boardId = new Argument<string>("id") { Description = "The board id (a bay, shelter or camera)" };
        var inventory = new Option<string>("--inventory") { Description = "The inventory", DefaultValueFactory = _ => "boards.json" };
        var show = new Command("show", "One board's entry as a table: kind, lot or shelter, location, sensors, gateway")
        {
            boardId, inventory,
        };
        show.SetAction(parse => BoardsShowCommand.Run(parse.GetValue(inventory)!, parse.GetValue(boardId)!, Console.Out, Console.Error));

        var oldFile = new Argument<string>("old") { Description = "The inventory before" };
        var newFile = new Argument<string>("new") { Description = "The inventory after" };
        var diff = new Command("diff", "Boards added, removed or changed (one line per field); exit 0 when equal, 1 when different, 2 on a bad file")
        {
            oldFile, newFile,
        };
        diff.SetAction(parse => BoardsDiffCommand.Run(parse.GetValue(oldFile)!, parse.GetValue(newFile)!, Console.Out, Console.Error));

        return new Command("boards", "The inventory of boards (boards.json)") { validate, show, diff };
    }
}
