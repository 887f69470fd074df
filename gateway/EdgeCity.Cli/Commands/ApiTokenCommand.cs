using System.CommandLine;
using EdgeCity.Gateway.Api;
using EdgeCity.Gateway.Storage;

namespace EdgeCity.Cli.Commands;

/// <summary>
/// <c>edgecity gateway api-token create NAME | revoke NAME | list [--data DIR]</c>, run on the gateway: tokens for
/// its HTTP API, which asks for one from every address but the gateway's own (see <see cref="ApiAccessOptions"/>).
/// A token is printed once; the gateway keeps only its hash.
/// </summary>
public static class ApiTokenCommand
{
    /// <summary>Creates the <c>api-token</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The gateway's data folder (Gateway:DataDirectory)", DefaultValueFactory = _ => "data" };
        var createName = new Argument<string>("name") { Description = "Whose token (e.g. the technician's or tool's name): a-z, 0-9, '-', '_'" };
        var create = new Command("create", "Create (or replace) a token and print it, only this once") { createName, data };
        create.SetAction(parse => Run(parse.GetValue(data)!, store =>
        {
            string name = parse.GetValue(createName)!;
            if (!ApiTokenStore.IsValidName(name))
            {
                Console.Error.WriteLine($"gateway api-token create: '{name}': expected 1-40 characters of a-z, 0-9, '-' and '_'");
                return 2;
            }

            Console.Out.WriteLine(store.Create(name, TimeProvider.System));
            return 0;
        }));

        var revokeName = new Argument<string>("name") { Description = "The token to revoke" };
        var revoke = new Command("revoke", "Delete a token: requests carrying it are refused from now on") { revokeName, data };
        revoke.SetAction(parse => Run(parse.GetValue(data)!, store =>
        {
            string name = parse.GetValue(revokeName)!;
            if (store.Revoke(name))
            {
                Console.Out.WriteLine($"revoked {name}");
                return 0;
            }

            Console.Error.WriteLine($"gateway api-token revoke: no token named '{name}' (expected one of: {string.Join(", ", store.Names())})");
            return 1;
        }));

        var list = new Command("list", "The names of the current tokens (the tokens themselves are not kept)") { data };
        list.SetAction(parse => Run(parse.GetValue(data)!, store =>
        {
            foreach (string name in store.Names())
            {
                Console.Out.WriteLine(name);
            }

            return 0;
        }));
        return new Command("api-token", "Tokens for the gateway's HTTP API (needed from any address but the gateway's own)") { create, revoke, list };
    }

    private static int Run(string dataDirectory, Func<ApiTokenStore, int> action)
    {
        using var database = new GatewayDatabase(dataDirectory);
        return action(new ApiTokenStore(database));
    }
}
