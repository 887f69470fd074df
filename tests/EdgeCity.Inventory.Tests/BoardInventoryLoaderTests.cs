namespace EdgeCity.Inventory.Tests;

/// <summary>Loading gives a model only for a valid file, and otherwise every problem.</summary>
public sealed class BoardInventoryLoaderTests
{
    [Fact]
    public void Loading_a_valid_file_gives_the_model_with_enums_and_addresses_read()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.Text);

        BoardInventory inventory = BoardInventoryLoader.Load(file.Path);

        Assert.Equal("test-site", inventory.Site.Id);
        Sensor magnetometer = inventory.Bays[0].Sensors[0];
        Assert.Equal((SensorKind.Magnetometer, "HMC5883L", "0x1E", 0x1E, 4), (magnetometer.Kind, magnetometer.Model, magnetometer.I2cAddress, magnetometer.I2cAddressValue, magnetometer.InterruptPin));
        Assert.Equal(DisplayBus.Spi, inventory.Shelters[0].Display.Bus);
        Assert.Equal((SensorKind.Presence, 27, (int?)null), (inventory.Shelters[0].Sensors[2].Kind, inventory.Shelters[0].Sensors[2].Pin, inventory.Shelters[0].Sensors[2].I2cAddressValue));
        Assert.Equal(new CameraLink { To = "cam-b", DistanceM = 940, TravelTimeS = 120 }, Assert.Single(inventory.Cameras[0].Links));
    }

    [Fact]
    public void Loading_an_invalid_file_throws_with_every_problem_in_the_message()
    {
        string text = MinimalInventory.With("\"lotId\": \"lot-a\"", "\"lotId\": \"lot-x\"").Replace("\"HMC5883L\"", "\"HMC9999\"", StringComparison.Ordinal);
        using var file = TempBoardsFile.WithText(text);

        var exception = Assert.Throws<BoardInventoryException>(() => BoardInventoryLoader.Load(file.Path));

        Assert.Equal(2, exception.Problems.Count);
        Assert.StartsWith($"{file.Path} is not a valid board inventory (2 problems):", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Problems, p => Assert.Contains(p.ToString(), exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Try_loading_a_missing_file_returns_the_problem_instead_of_throwing()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "boards.json");

        bool loaded = BoardInventoryLoader.TryLoad(path, out BoardInventory? inventory, out IReadOnlyList<ValidationProblem> problems);

        Assert.False(loaded);
        Assert.Null(inventory);
        Assert.Equal(ValidationProblemKind.FileNotFound, Assert.Single(problems).Kind);
    }

    [Fact]
    public void Try_loading_a_valid_file_returns_the_model_and_no_problems()
    {
        bool loaded = BoardInventoryLoader.TryLoad(RepositoryFiles.BoardsJson, out BoardInventory? inventory, out IReadOnlyList<ValidationProblem> problems);

        Assert.True(loaded);
        Assert.NotNull(inventory);
        Assert.Empty(problems);
    }

    [Fact]
    public void Parsing_text_names_it_in_problems()
    {
        var exception = Assert.Throws<BoardInventoryException>(() => BoardInventoryLoader.Parse("[]"u8.ToArray(), "fleet.json"));

        Assert.Equal("fleet.json:1:1: $: found an array (expected an object)", Assert.Single(exception.Problems).ToString());
    }

    [Fact]
    public void The_model_written_back_with_the_loader_options_validates_and_loads_equal()
    {
        BoardInventory original = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson);
        byte[] written = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(original, BoardInventoryLoader.JsonOptions);

        BoardInventory reloaded = BoardInventoryLoader.Parse(written);

        Assert.Equal(original.AllBoardIds, reloaded.AllBoardIds);
        Assert.Equal(original.Bays[63], reloaded.Bays[63] with { Sensors = original.Bays[63].Sensors });
        Assert.Equal(original.Bays[63].Sensors, reloaded.Bays[63].Sensors);
    }
}
