namespace EdgeCity.HardwareSim.Radio;

/// <summary>Where a simulated board's radio reaches the gateway's broker, and with which credentials.</summary>
public sealed record MqttBrokerEndpoint(string Host, int Port, string? UserName = null, string? Password = null);
