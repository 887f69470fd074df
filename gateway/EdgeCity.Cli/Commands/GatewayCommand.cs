using System.CommandLine;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Storage;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Commands;

/// <summary>
/// <c>edgecity gateway provision BOARD… [--data DIR] [--inventory FILE]</c>: creates per-board MQTT credentials in
/// a gateway's database and prints each secret once, for flashing into the board; <c>edgecity gateway api-token …</c>
/// (<see cref="ApiTokenCommand"/>) does the same for operators of its HTTP API.
/// </summary>
public static class GatewayCommand
{
    /// <summary>Creates the <c>gateway</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var boards = new Argument<string[]>("board") { Description = "Board ids to provision (all boards of the inventory with --all)", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Provision every board of the inventory" };
        var data = new Option<string>("--data") { Description = "The gateway's data folder (Gateway:DataDirectory)", DefaultValueFactory = _ => "data" };
        var inventory = new Option<string>("--inventory") { Description = "The inventory the gateway serves", DefaultValueFactory = _ => "boards.json" };
        var provision = new Command("provision", "Create (or replace) per-board credentials; prints 'board secret' lines, each secret only this once")
        {
            boards, all, data, inventory,
        };
        provision.SetAction(parse => Provision(parse.GetValue(boards) ?? [], parse.GetValue(all), parse.GetValue(data)!, parse.GetValue(inventory)!));
        return new Command("gateway", "Operate a gateway's local state") { provision, ApiTokenCommand.Create() };
    }

    private static int Provision(string[] boardIds, bool all, string dataDirectory, string inventoryPath)
    {
        BoardInventory inventory;
        try
        {
            inventory = BoardInventoryLoader.Load(inventoryPath);
        }
        catch (BoardInventoryException e)
        {
            Console.Error.WriteLine($"gateway provision: {e.Message} (check it with ./edgecity boards validate {inventoryPath})");
            return 1;
        }

        var known = new HashSet<string>(inventory.AllBoardIds, StringComparer.Ordinal);
        string[] targets = all ? [.. inventory.AllBoardIds] : boardIds;
        if (targets.Length == 0)
        {
            Console.Error.WriteLine("gateway provision: name the boards to provision, or --all");
            return 2;
        }

        if (targets.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            Console.Error.WriteLine($"gateway provision: '{unknown}' is not a board of {inventoryPath} (expected a bay, shelter or camera id)");
            return 1;
        }

        using var database = new GatewayDatabase(dataDirectory);
        var store = new BoardCredentialStore(database);
        foreach (string id in targets)
        {
            Console.Out.WriteLine($"{id} {store.Provision(id, TimeProvider.System)}");
        }

        return 0;
    }
}
