using EdgeCity.Gateway.Hosting;

// The headless gateway service. Configuration: appsettings.json, Gateway__* environment variables, or
// --Gateway:Key=value arguments; see docs/gateway.md.
await using var app = GatewayHost.Build(args);
await app.RunAsync();
