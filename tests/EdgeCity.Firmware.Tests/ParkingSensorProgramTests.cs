using System.Text.Json;
using EdgeCity.Firmware.Parking;
using EdgeCity.Firmware.Tests.Boundaries;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests;

public class ParkingSensorProgramTests
{
    private readonly ScriptedMagnetometer _magnetometer = new();
    private readonly ManualClock _clock = new();
    private readonly RecordingTransport _radio = new();
    private readonly ParkingSensorSettings _settings = new() { HeartbeatIntervalMs = 60_000 };

    [Fact]
    public void On_first_connect_the_board_registers_a_retained_last_will_and_publishes_a_retained_birth()
    {
        var program = Boot(bootCount: 3);
        program.Wake();

        Assert.Equal("edgecity/pk-test-001/status", _radio.WillTopic);
        using var will = JsonDocument.Parse(_radio.WillPayload!);
        Assert.False(will.RootElement.GetProperty("online").GetBoolean());
        Assert.Equal(3, will.RootElement.GetProperty("boot").GetInt32());

        var birth = _radio.Sent[0];
        Assert.Equal("edgecity/pk-test-001/status", birth.Topic);
        Assert.True(birth.Retain);
        using var json = JsonDocument.Parse(birth.Payload);
        Assert.True(json.RootElement.GetProperty("online").GetBoolean());
        Assert.Equal(ParkingSensorSettings.FirmwareVersion, json.RootElement.GetProperty("fw").GetString());
        Assert.Equal("power-on", json.RootElement.GetProperty("resetCause").GetString());
    }

    [Fact]
    public void A_parked_car_is_reported_once_as_occupied_with_the_previous_state_duration()
    {
        var program = Boot();
        WakeSeconds(program, 60);
        _magnetometer.X += 4_000;
        WakeSeconds(program, 30);

        var states = StateMessages();
        Assert.Equal(["free", "occupied"], states.Select(s => s.GetProperty("state").GetString()));
        // Free since calibration ended (8 samples), occupied after 60 s + 2 confirming samples: 62 − 8 = 54 s.
        Assert.Equal(54, states[1].GetProperty("previousDurationS").GetInt64());
        Assert.Equal(BayState.Occupied, program.State);
    }

    [Fact]
    public void Every_message_carries_the_boot_counter_and_a_strictly_increasing_sequence()
    {
        var program = Boot(bootCount: 7);
        for (int car = 0; car < 5; car++)
        {
            _magnetometer.X += 4_000;
            WakeSeconds(program, 120);
            _magnetometer.X -= 4_000;
            WakeSeconds(program, 120);
        }

        var all = _radio.Sent.Select(s => JsonDocument.Parse(s.Payload).RootElement).ToList();
        Assert.All(all, m => Assert.Equal(7, m.GetProperty("boot").GetInt32()));
        var seqs = all.Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.Order().Distinct(), seqs);
        Assert.True(_radio.Sent.Count(s => s.Topic.EndsWith("/heartbeat", StringComparison.Ordinal)) >= 15);
    }

    [Fact]
    public void State_changes_made_while_the_radio_is_down_are_delivered_in_order_after_it_returns()
    {
        var program = Boot();
        WakeSeconds(program, 10);
        _radio.LinkUp = false;
        for (int car = 0; car < 3; car++)
        {
            _magnetometer.X += 4_000;
            WakeSeconds(program, 30);
            _magnetometer.X -= 4_000;
            WakeSeconds(program, 30);
        }

        Assert.Equal(6, program.Uplink.Queue.CountOf(MessagePriority.StateChange));
        _radio.LinkUp = true;
        WakeSeconds(program, 600);

        var states = StateMessages().Select(s => s.GetProperty("state").GetString()).ToList();
        Assert.Equal(["free", "occupied", "free", "occupied", "free", "occupied", "free"], states);
        Assert.Equal(0, program.Uplink.Queue.Count);
        Assert.Equal("reconnect", JsonDocument.Parse(_radio.Sent.Last(s => s.Topic.EndsWith("/status", StringComparison.Ordinal)).Payload).RootElement.GetProperty("resetCause").GetString());
    }

    [Fact]
    public void While_the_broker_is_unreachable_connection_attempts_back_off()
    {
        _radio.LinkUp = false;
        var program = Boot();
        WakeSeconds(program, 600);

        // One wake per second for ten minutes; backoff from 1 s doubling allows about ten attempts, not 600.
        Assert.InRange(_radio.ConnectAttempts, 5, 14);
    }

    [Fact]
    public void A_failing_magnetometer_is_counted_and_reported_in_the_heartbeat_not_read_as_zero()
    {
        var program = Boot();
        WakeSeconds(program, 10);
        _magnetometer.Failing = true;
        WakeSeconds(program, 60);

        Assert.Equal(60, program.SensorFaults);
        Assert.Equal(BayState.Free, program.State);
        var heartbeat = JsonDocument.Parse(_radio.Sent.Last(s => s.Topic.EndsWith("/heartbeat", StringComparison.Ordinal)).Payload).RootElement;
        Assert.True(heartbeat.GetProperty("sensorFaults").GetInt64() >= 50);
    }

    [Fact]
    public void The_sampling_loop_allocates_nothing_in_steady_state_even_when_reporting()
    {
        _radio.RecordPayloads = false;
        var program = Boot();
        WakeSeconds(program, 120); // connect, calibrate, first heartbeat: start-up may allocate

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int car = 0; car < 50; car++)
        {
            _magnetometer.X += 4_000;
            WakeSeconds(program, 60);
            _magnetometer.X -= 4_000;
            WakeSeconds(program, 60);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(_radio.PublishCount > 100, $"only {_radio.PublishCount} messages were sent");
    }

    private ParkingSensorProgram Boot(int bootCount = 1)
    {
        var uplink = new BoardUplink(_radio, _clock, new BoardTopics("pk-test-001"), bootCount,
            ParkingSensorSettings.FirmwareVersion, "power-on", _settings.OfflineQueueCapacity);
        return new ParkingSensorProgram(_magnetometer, _clock, uplink, _settings);
    }

    private void WakeSeconds(ParkingSensorProgram program, int seconds)
    {
        for (int i = 0; i < seconds; i++)
        {
            _clock.Advance(_settings.SampleIntervalMs);
            program.Wake();
        }
    }

    private List<JsonElement> StateMessages() =>
        _radio.Sent.Where(s => s.Topic == "edgecity/pk-test-001/state").Select(s => JsonDocument.Parse(s.Payload).RootElement).ToList();
}
