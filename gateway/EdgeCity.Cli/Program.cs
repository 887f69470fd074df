using EdgeCity.Cli.Commands;

// `./edgecity <command>`: see `./edgecity --help`.
return await EdgeCityCommandLine.Build().Parse(args).InvokeAsync();
