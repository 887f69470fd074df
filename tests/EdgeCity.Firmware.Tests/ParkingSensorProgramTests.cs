using System.Text.Json;
using EdgeCity.Firmware.Parking;
using EdgeCity.Firmware.Tests.Boundaries;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests;

public class ParkingSensorProgramTests
{
    private const int CarNanotesla = 6_000;
    private readonly ScriptedMagnetometer _magnetometer = new();
    private readonly ManualClock _clock = new();
    private readonly RecordingTransport _radio = new();
    private readonly RamMemory _memory = new();
    private readonly ParkingSensorSettings _settings = new() { HeartbeatIntervalMs = 3_600_000 };
    private readonly ScriptedWake _wake;
    private long _nextTimerMs;

    public ParkingSensorProgramTests() => _wake = new ScriptedWake(_magnetometer);

    [Fact]
    public void On_first_connect_the_board_registers_a_retained_last_will_and_publishes_a_retained_birth()
    {
        var program = Boot(bootCount: 3);
        Run(program, seconds: 10);

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
    public void A_parked_car_wakes_the_board_and_is_reported_once_within_three_seconds()
    {
        var program = Boot();
        Run(program, seconds: 60);
        long wakesBefore = program.Wakes;
        _magnetometer.X += CarNanotesla;
        long parkedAt = _clock.NowUnixMs;
        Run(program, seconds: 30);

        var states = StateMessages();
        Assert.Equal(["free", "occupied"], states.Select(s => s.GetProperty("state").GetString()));
        double latencyS = (states[1].GetProperty("ts").GetInt64() - parkedAt) / 1000.0;
        Assert.InRange(latencyS, 0.5, 3.0);
        Assert.Equal(BayState.Occupied, program.State);
        Assert.True(program.Wakes - wakesBefore <= 8, $"{program.Wakes - wakesBefore} wakes for one arrival");
    }

    [Fact]
    public void A_calm_bay_sleeps_until_the_maintenance_timer_and_the_radio_stays_off()
    {
        var program = Boot();
        Run(program, seconds: 60);
        long wakes = program.Wakes;
        int sent = _radio.PublishCount;
        Run(program, seconds: 3_000);

        // 50 minutes: five 10-minute maintenance wakes, and nothing sent (the heartbeat is hourly here).
        Assert.InRange(program.Wakes - wakes, 4, 6);
        Assert.Equal(sent, _radio.PublishCount);
        Assert.False(_radio.IsConnected);
    }

    [Fact]
    public void A_passing_disturbance_that_does_not_stay_is_not_reported()
    {
        var program = Boot();
        Run(program, seconds: 30);
        _magnetometer.X += CarNanotesla;
        Run(program, seconds: 1);
        _magnetometer.X -= CarNanotesla;
        Run(program, seconds: 30);

        Assert.Single(StateMessages());
        Assert.Equal(BayState.Free, program.State);
    }

    [Fact]
    public void Every_message_carries_the_boot_counter_and_a_strictly_increasing_sequence()
    {
        var program = Boot(bootCount: 7);
        Run(program, seconds: 30);
        for (int car = 0; car < 5; car++)
        {
            // Each vehicle has its own field (real cars never park identically).
            int vehicle = CarNanotesla + (car * 700);
            _magnetometer.X += vehicle;
            Run(program, seconds: 120);
            _magnetometer.X -= vehicle;
            Run(program, seconds: 120);
        }

        var all = _radio.Sent.Select(s => JsonDocument.Parse(s.Payload).RootElement).ToList();
        Assert.All(all, m => Assert.Equal(7, m.GetProperty("boot").GetInt32()));
        var seqs = all.Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.Count, seqs.Distinct().Count());

        // Queued messages keep the order they were numbered in; a birth is numbered when it is sent.
        var queuedSeqs = _radio.Sent.Where(s => !s.Topic.EndsWith("/status", StringComparison.Ordinal))
            .Select(s => JsonDocument.Parse(s.Payload).RootElement.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(queuedSeqs.Order(), queuedSeqs);
        Assert.Equal(11, StateMessages().Count);
    }

    [Fact]
    public void State_changes_while_the_broker_is_unreachable_for_a_day_are_delivered_in_order_afterwards()
    {
        var program = Boot();
        Run(program, seconds: 10);
        _radio.LinkUp = false;
        for (int car = 0; car < 12; car++)
        {
            int vehicle = CarNanotesla + (car * 700);
            _magnetometer.X += vehicle;
            Run(program, seconds: 3_600);
            _magnetometer.X -= vehicle;
            Run(program, seconds: 3_600);
        }

        Assert.Equal(24, program.Uplink.Queue.CountOf(MessagePriority.StateChange));
        _radio.LinkUp = true;
        Run(program, seconds: 600);

        var states = StateMessages().Select(s => s.GetProperty("state").GetString()).ToList();
        Assert.Equal(25, states.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => i % 2 == 0 ? "free" : "occupied"), states);
        Assert.Equal(0, program.Uplink.Queue.CountOf(MessagePriority.StateChange));
    }

    [Fact]
    public void A_failing_magnetometer_is_a_reported_fault_not_a_car()
    {
        var program = Boot();
        Run(program, seconds: 30);
        _magnetometer.Failing = true;
        Run(program, seconds: 3_700);

        Assert.True(program.SensorFaults > 0);
        Assert.Equal(BayState.Free, program.State);
        Assert.Single(StateMessages());
        var heartbeat = JsonDocument.Parse(_radio.Sent.Last(s => s.Topic.EndsWith("/heartbeat", StringComparison.Ordinal)).Payload).RootElement;
        Assert.True(heartbeat.GetProperty("sensorFaults").GetInt64() > 0);
    }

    [Fact]
    public void After_a_brown_out_the_board_resumes_its_state_from_flash_without_a_false_change()
    {
        var program = Boot();
        Run(program, seconds: 30);
        _magnetometer.X += CarNanotesla;
        Run(program, seconds: 30);
        Assert.Equal(BayState.Occupied, program.State);
        int statesBefore = StateMessages().Count;

        var rebooted = Boot(bootCount: 2, resetCause: "brown-out");
        Run(rebooted, seconds: 120);

        Assert.True(rebooted.ResumedFromMemory);
        Assert.Equal(BayState.Occupied, rebooted.State);
        Assert.Equal(statesBefore, StateMessages().Count);

        _magnetometer.X -= CarNanotesla;
        Run(rebooted, seconds: 30);
        Assert.Equal("free", StateMessages()[^1].GetProperty("state").GetString());
    }

    [Fact]
    public void Below_the_critical_battery_voltage_the_heartbeat_says_so_and_maintenance_wakes_get_rarer()
    {
        var battery = new ScriptedBattery { Millivolts = 2_900 };
        var program = Boot(battery: battery);
        Run(program, seconds: 3_700);
        var heartbeat = JsonDocument.Parse(_radio.Sent.Last(s => s.Topic.EndsWith("/heartbeat", StringComparison.Ordinal)).Payload).RootElement;
        Assert.Equal(2_900, heartbeat.GetProperty("batteryMv").GetInt32());
        Assert.True(heartbeat.GetProperty("batteryCritical").GetBoolean());
        Assert.True(program.BatteryCritical);

        long wakes = program.Wakes;
        Run(program, seconds: 4 * 3_600);
        Assert.InRange(program.Wakes - wakes, 5, 7); // one per 40 minutes instead of one per 10
    }

    [Fact]
    public void The_sampling_loop_allocates_nothing_over_ten_thousand_samples_including_reports()
    {
        _radio.RecordPayloads = false;
        var program = Boot();
        Run(program, seconds: 60); // start-up may allocate

        long before = GC.GetAllocatedBytesForCurrentThread();
        long samplesBefore = program.Samples;
        int car = 0;
        while (program.Samples - samplesBefore < 10_000)
        {
            int vehicle = CarNanotesla + (car++ % 8 * 700);
            _magnetometer.X += vehicle;
            Run(program, seconds: 40);
            _magnetometer.X -= vehicle;
            Run(program, seconds: 40);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(program.StateChanges > 500, $"only {program.StateChanges} state changes");
    }

    private ParkingSensorProgram Boot(int bootCount = 1, string resetCause = "power-on", ScriptedBattery? battery = null)
    {
        var uplink = new BoardUplink(_radio, _clock, new BoardTopics("pk-test-001"), bootCount,
            ParkingSensorSettings.FirmwareVersion, resetCause, _settings.OfflineQueueCapacity);
        var hardware = new ParkingBoardHardware(_magnetometer, _wake, _memory) { Battery = battery };
        _nextTimerMs = _clock.NowUnixMs;
        return new ParkingSensorProgram(hardware, _clock, uplink, _settings);
    }

    // The board's sleep loop: wake on the timer the program asked for, or on the interrupt.
    private void Run(ParkingSensorProgram program, int seconds)
    {
        long end = _clock.NowUnixMs + (seconds * 1000L);
        while (_clock.NowUnixMs < end)
        {
            _clock.Advance(100);
            if (_clock.NowUnixMs >= _nextTimerMs)
            {
                _nextTimerMs = _clock.NowUnixMs + program.Wake(WakeCause.Timer);
            }
            else if (_wake.WakePending)
            {
                _nextTimerMs = _clock.NowUnixMs + program.Wake(WakeCause.FieldChanged);
            }
        }
    }

    private List<JsonElement> StateMessages() =>
        _radio.Sent.Where(s => s.Topic == "edgecity/pk-test-001/state").Select(s => JsonDocument.Parse(s.Payload).RootElement).ToList();
}
