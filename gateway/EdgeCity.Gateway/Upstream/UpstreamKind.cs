namespace EdgeCity.Gateway.Upstream;

/// <summary>Where the gateway forwards what it received.</summary>
public enum UpstreamKind
{
    /// <summary>Nowhere: nothing is queued in the outbox (demo, tests of ingest alone).</summary>
    None,

    /// <summary>The city's MQTT broker: NGSI-LD entities published with QoS 1.</summary>
    Mqtt,

    /// <summary>An NGSI-LD context broker over HTTP: batch upsert.</summary>
    NgsiLdHttp,
}
