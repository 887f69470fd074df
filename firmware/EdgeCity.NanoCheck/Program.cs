using EdgeCity.NanoCheck;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet EdgeCity.NanoCheck.dll <firmware assembly built against nanoFramework mscorlib>");
    return 2;
}

return NanoCheckCommand.Run(args[0], Console.Out);
