using System.CommandLine;

namespace EdgeCity.Cli.Commands;

/// <summary>The root of the command tree: one registration per feature.</summary>
public static class EdgeCityCommandLine
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("EdgeCity: street hardware for smart-city services (parking, BIT shelters, cameras)");
        root.Subcommands.Add(BoardsCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(GatewayCommand.Create());
        root.Subcommands.Add(EdgeCity.Cli.Flashing.FlashCommand.Create());
        root.Subcommands.Add(EdgeCity.Cli.Provisioning.ProvisionCommand.Create());
        root.Subcommands.Add(EdgeCity.Cli.Configuration.ConfigPushCommand.Create());
        root.Subcommands.Add(EdgeCity.Cli.Fleet.FleetStatusCommand.Create());
        root.Subcommands.Add(EdgeCity.Cli.Anpr.AnprCommand.Create());
        return root;
    }
}
