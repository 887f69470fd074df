namespace EdgeCity.Gateway.Outbox;

/// <summary>How precious an outbox entry is when the outbox is full. Stored as its number: keep the values.</summary>
public enum OutboxPriority
{
    /// <summary>Heartbeats and other telemetry: a newer one supersedes it; shed first, and expired after the TTL.</summary>
    Telemetry = 0,

    /// <summary>A bay state change or a board going online/offline: never dropped, no TTL.</summary>
    StateChange = 1,

    /// <summary>A shelter alarm (shock, vandalism, tilt): never dropped, no TTL.</summary>
    Alarm = 2,
}
