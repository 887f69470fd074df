using EdgeCity.Cli.Benchmarks.ShelterBench;
using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World.Shelter;
using EdgeCity.Inventory;
using EdgeCity.Testing;

namespace EdgeCity.Shelter.Tests.Boundaries;

/// <summary>A shelter board from boards.json in a quiet world (no drawn events) that tests add kicks to.</summary>
internal static class ShelterRig
{
    public const string BoardId = "bit-songdo-incheon-univ-stn";

    public static SimulatedShelterBoard Build(DateTimeOffset startUtc, TimeSpan length, Func<VirtualClock, IUplinkTransport> radio, double? fixedLux = null,
        byte[]? configurationFile = null, EdgeCity.HardwareSim.Adapters.InMemoryNonVolatileMemory? bootGuardMemory = null)
    {
        var shelter = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Shelters.Single(s => s.Id == BoardId);
        var clock = new VirtualClock(startUtc);

        // An empty stretch (zero length) draws no events: the test's own are the only ones.
        var world = new ShelterWorld(() => clock.NowUnixMs, startUtc, startUtc, shelter.Location.Lat, shelter.Location.Lon, seed: 1) { FixedLux = fixedLux };
        var board = new SimulatedShelterBoard(BoardId, clock, world, radio(clock), seed: 1, configurationFile: configurationFile, bootGuardMemory: bootGuardMemory);
        SongdoContent.Push(board.Program, shelter);
        _ = length;
        return board;
    }

    public static ShelterEvent Kick(double atUnixMs, double peakMg = 5000) => new()
    {
        Kind = ShelterEventKind.Kick, StartUnixMs = atUnixMs, EndUnixMs = atUnixMs + 300, MaxDeviationMg = peakMg,
        HitTimesUnixMs = [atUnixMs], HitPeaksMg = [peakMg], FrequencyHz = 30, DecayMs = 30, DirectionRadians = 0.4,
    };
}
