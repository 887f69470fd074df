namespace EdgeCity.Cli.Demo;

/// <summary>What <c>edgecity demo</c> runs with.</summary>
public sealed record DemoSettings(
    string InventoryPath,
    string DataDirectory,
    int HttpPort,
    int MqttPort,
    double Speed,
    int Seed,
    TimeSpan? Duration);
