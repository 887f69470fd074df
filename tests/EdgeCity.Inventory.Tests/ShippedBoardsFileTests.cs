namespace EdgeCity.Inventory.Tests;

/// <summary>The boards.json committed at the repository root: valid, and the pilot it is meant to describe.</summary>
public sealed class ShippedBoardsFileTests
{
    private static readonly Lazy<BoardInventory> Inventory = new(() => BoardInventoryLoader.Load(RepositoryFiles.BoardsJson));

    [Fact]
    public void The_shipped_boards_json_is_valid()
    {
        IReadOnlyList<ValidationProblem> problems = BoardsValidator.Validate(RepositoryFiles.BoardsJson);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_shipped_boards_json_points_editors_at_the_committed_schema()
    {
        string text = File.ReadAllText(RepositoryFiles.BoardsJson);

        Assert.Contains("\"$schema\": \"./boards.schema.json\"", text, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryFiles.BoardsSchemaJson));
    }

    [Fact]
    public void A_busan_lot_has_at_least_fifty_bays()
    {
        ParkingLot lot = Assert.Single(Inventory.Value.ParkingLots, l => l.Address.StartsWith("부산광역시", StringComparison.Ordinal));

        Assert.True(Inventory.Value.BaysInLot(lot.Id).Count >= 50, $"{lot.Id} has {Inventory.Value.BaysInLot(lot.Id).Count} bays");
        Assert.InRange(lot.Location.Lat, 35.0, 35.4);
        Assert.InRange(lot.Location.Lon, 128.8, 129.3);
    }

    [Fact]
    public void Most_bays_use_an_hmc5883l_or_qmc5883l_and_some_an_lis2mdl_with_an_interrupt_pin()
    {
        List<Sensor> magnetometers = [.. Inventory.Value.Bays.Select(b => Assert.Single(b.Sensors, s => s.Kind == SensorKind.Magnetometer))];

        Assert.True(magnetometers.Count(m => m.Model is "HMC5883L" or "QMC5883L") > magnetometers.Count / 2);
        Assert.Contains(magnetometers, m => m.Model == "LIS2MDL" && m.InterruptPin is not null);
        Assert.Contains(Inventory.Value.Bays, b => b.Sensors.Any(s => s.Model == "VL53L0X"));
    }

    [Fact]
    public void There_are_three_songdo_shelters_and_six_anyang_cameras()
    {
        Assert.Equal(3, Inventory.Value.Shelters.Count);
        Assert.All(Inventory.Value.Shelters, s => Assert.InRange(s.Location.Lat, 37.35, 37.42));
        Assert.Equal(6, Inventory.Value.Cameras.Count);
        Assert.All(Inventory.Value.Cameras, c => Assert.InRange(c.Location.Lon, 126.90, 127.00));
    }

    [Fact]
    public void Each_city_has_its_own_gateway()
    {
        BoardInventory inventory = Inventory.Value;

        Assert.Equal(3, inventory.Gateways.Count);
        Assert.Equal(64, inventory.BoardIdsOnGateway("gw-busan-01").Count);
        Assert.Equal(3, inventory.BoardIdsOnGateway("gw-songdo-01").Count);
        Assert.Equal(6, inventory.BoardIdsOnGateway("gw-anyang-01").Count);
    }

    [Fact]
    public void Every_camera_can_be_reached_from_every_other_along_links()
    {
        BoardInventory inventory = Inventory.Value;
        foreach (Camera start in inventory.Cameras)
        {
            var reached = new HashSet<string> { start.Id };
            var frontier = new Queue<Camera>([start]);
            while (frontier.TryDequeue(out Camera? camera))
            {
                foreach (CameraLink link in camera.Links.Where(l => reached.Add(l.To)))
                {
                    frontier.Enqueue(inventory.FindCamera(link.To)!);
                }
            }

            Assert.Equal(inventory.Cameras.Count, reached.Count);
        }
    }
}
