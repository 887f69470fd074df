using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Metrics;

/// <summary><c>GET /metrics</c>: ingest, identity, outbox and upstream figures for Prometheus.</summary>
public static class MetricsEndpoints
{
    private static readonly (OutboxPriority Priority, string Label)[] Priorities =
    [
        (OutboxPriority.Telemetry, "priority=\"telemetry\""),
        (OutboxPriority.StateChange, "priority=\"state\""),
        (OutboxPriority.Alarm, "priority=\"alarm\""),
    ];

    /// <summary>Maps the metrics endpoint.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (IngestCounters ingest, IdentityCounters identity, OutboxCounters outbox, UpstreamCounters upstream, DeliveryStages stages,
            IOptions<OutboxOptions> outboxOptions, IOptions<UpstreamOptions> upstreamOptions) =>
        {
            var text = new PrometheusText();
            text.Family("edgecity_ingest_messages_total", "counter", "Board publishes by outcome.")
                .Sample("edgecity_ingest_messages_total", "outcome=\"accepted\"", ingest.Accepted)
                .Sample("edgecity_ingest_messages_total", "outcome=\"duplicate\"", ingest.Duplicates)
                .Sample("edgecity_ingest_messages_total", "outcome=\"malformed\"", ingest.Malformed)
                .Sample("edgecity_ingest_messages_total", "outcome=\"oversized\"", ingest.Oversized)
                .Sample("edgecity_ingest_messages_total", "outcome=\"unknown_board\"", ingest.UnknownBoards)
                .Sample("edgecity_ingest_messages_total", "outcome=\"store_failure\"", ingest.StoreFailures)
                .Sample("edgecity_ingest_messages_total", "outcome=\"outbox_full\"", ingest.OutboxFull);
            text.Counter("edgecity_ingest_topic_violations_total", "Publishes or subscriptions outside the client's own edgecity/{boardId}/ (publishes also count as malformed).", ingest.TopicViolations);
            text.Family("edgecity_identity_connections_total", "counter", "Connection attempts to the embedded broker by outcome.")
                .Sample("edgecity_identity_connections_total", "outcome=\"accepted\"", identity.Accepted)
                .Sample("edgecity_identity_connections_total", "outcome=\"accepted_unprovisioned_loopback\"", identity.AcceptedUnprovisioned)
                .Sample("edgecity_identity_connections_total", "outcome=\"missing_credentials\"", identity.MissingCredentials)
                .Sample("edgecity_identity_connections_total", "outcome=\"wrong_credentials\"", identity.WrongCredentials)
                .Sample("edgecity_identity_connections_total", "outcome=\"unknown_client\"", identity.UnknownClients)
                .Sample("edgecity_identity_connections_total", "outcome=\"accepted_certificate\"", identity.AcceptedCertificate)
                .Sample("edgecity_identity_connections_total", "outcome=\"refused_certificate\"", identity.RefusedCertificate);
            text.Family("edgecity_api_requests_total", "counter", "API requests that needed a token, by outcome (trusted loopback requests are not counted).")
                .Sample("edgecity_api_requests_total", "outcome=\"accepted\"", identity.ApiAccepted)
                .Sample("edgecity_api_requests_total", "outcome=\"refused\"", identity.ApiRefused);

            text.Family("edgecity_outbox_entries", "gauge", "Entries waiting for upstream.");
            foreach (var (priority, label) in Priorities)
            {
                text.Sample("edgecity_outbox_entries", label, outbox.Entries(priority));
            }

            text.Family("edgecity_outbox_bytes", "gauge", "Bytes waiting for upstream, as counted against the capacity.");
            foreach (var (priority, label) in Priorities)
            {
                text.Sample("edgecity_outbox_bytes", label, outbox.Bytes(priority));
            }

            text.Gauge("edgecity_outbox_capacity_bytes", "Configured outbox capacity (Gateway:Outbox:CapacityBytes).", outboxOptions.Value.CapacityBytes);
            text.Counter("edgecity_outbox_appended_total", "Entries committed into the outbox.", outbox.Appended);
            text.Counter("edgecity_outbox_forwarded_total", "Entries confirmed by upstream and removed.", outbox.Forwarded);
            text.Family("edgecity_outbox_dropped_total", "counter", "Telemetry the overflow policy removed or did not queue; state changes and alarms are never dropped.")
                .Sample("edgecity_outbox_dropped_total", "reason=\"shed_oldest\"", outbox.ShedTelemetry)
                .Sample("edgecity_outbox_dropped_total", "reason=\"full_new\"", outbox.DroppedNewTelemetry)
                .Sample("edgecity_outbox_dropped_total", "reason=\"ttl\"", outbox.ExpiredTelemetry);
            text.Counter("edgecity_outbox_refused_total", "State changes and alarms not acknowledged because the outbox was full of them (boards retry).", outbox.RefusedFull);
            text.Counter("edgecity_outbox_commits_total", "Transactions (fsyncs) of the outbox writer; messages per commit = batching.", outbox.Batches);

            text.Gauge("edgecity_upstream_enabled", "1 when an upstream is configured (Gateway:Upstream:Kind).", upstreamOptions.Value.Kind == UpstreamKind.None ? 0 : 1);
            text.Gauge("edgecity_upstream_connected", "1 while the upstream forwarder is connected.", upstream.Connected ? 1 : 0);
            text.Counter("edgecity_upstream_entities_sent_total", "Entities sent upstream, resends included.", upstream.EntitiesSent);
            text.Counter("edgecity_upstream_entities_confirmed_total", "Entities upstream confirmed.", upstream.EntitiesConfirmed);
            text.Counter("edgecity_upstream_batches_confirmed_total", "Batches upstream confirmed.", upstream.BatchesConfirmed);
            text.Counter("edgecity_upstream_failures_total", "Failed connection attempts and sends.", upstream.Failures);
            text.Counter("edgecity_upstream_connects_total", "Successful (re)connections.", upstream.Connects);

            text.Family("edgecity_delivery_stage_seconds", "histogram", "Time from a publish reaching the gateway until it was committed, read by the upstream pump, confirmed upstream.")
                .Histogram("edgecity_delivery_stage_seconds", "stage=\"committed\"", stages.Committed)
                .Histogram("edgecity_delivery_stage_seconds", "stage=\"read_by_pump\"", stages.ReadByPump)
                .Histogram("edgecity_delivery_stage_seconds", "stage=\"confirmed_upstream\"", stages.ConfirmedUpstream);
            text.Family("edgecity_outbox_transaction_seconds", "histogram", "Duration of each outbox writer transaction: inserts, WAL fsync, checkpoint if one ran.")
                .Histogram("edgecity_outbox_transaction_seconds", null, stages.WriterTransaction);

            text.Gauge("process_resident_memory_bytes", "Resident set size.", Environment.WorkingSet);
            text.Gauge("dotnet_gc_heap_bytes", "Managed heap size after the last collection.", GC.GetGCMemoryInfo().HeapSizeBytes);
            text.Family("dotnet_gc_collections_total", "counter", "Garbage collections by generation (a gen 1 or 2 collection counts in the lower ones too).")
                .Sample("dotnet_gc_collections_total", "generation=\"0\"", GC.CollectionCount(0))
                .Sample("dotnet_gc_collections_total", "generation=\"1\"", GC.CollectionCount(1))
                .Sample("dotnet_gc_collections_total", "generation=\"2\"", GC.CollectionCount(2));
            text.Gauge("dotnet_gc_pause_seconds_total", "Time the process was paused for garbage collection since start.", GC.GetTotalPauseDuration().TotalSeconds);
            text.Counter("dotnet_gc_allocated_bytes_total", "Bytes allocated on the managed heap since start.", GC.GetTotalAllocatedBytes());
            return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
        });
        return endpoints;
    }
}
