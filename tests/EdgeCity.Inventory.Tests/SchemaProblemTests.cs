namespace EdgeCity.Inventory.Tests;

/// <summary>Breaks of boards.schema.json, each reported where the value is, saying what was expected.</summary>
public sealed class SchemaProblemTests
{
    [Fact]
    public void A_value_of_the_wrong_type_is_reported_with_what_was_found_and_expected()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"mqttPort\": 1883", "\"mqttPort\": \"1883\""));

        Assert.Equal(
            $"{file.Path}:5:88: $.gateways[0].mqttPort: found the string '1883' (expected an integer)",
            file.SingleProblem());
    }

    [Fact]
    public void A_missing_required_property_is_reported_at_the_object_that_lacks_it()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"label\": \"A-001\",", ""));

        Assert.Equal($"{file.Path}:15:5: $.bays[0]: missing required property 'label'", file.SingleProblem());
    }

    [Fact]
    public void A_missing_top_level_array_is_reported_at_the_start_of_the_file()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"cameras\": [", "\"camera\": ["));

        Assert.Equal(
            [
                $"{file.Path}:1:1: $: missing required property 'cameras'",
                $"{file.Path}:53:3: $.camera: unknown property 'camera' (expected one of $schema, site, gateways, tariffs, parkingLots, bays, shelters, cameras)",
            ],
            file.Validate().Select(p => p.ToString()));
    }

    [Fact]
    public void An_unknown_property_is_reported_with_the_properties_that_are_known()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"firmware\": \"parking-sensor\",", "\"firmware\": \"parking-sensor\", \"colour\": \"red\","));

        Assert.Equal(
            $"{file.Path}:20:37: $.bays[0].colour: unknown property 'colour' (expected one of id, lotId, label, location, firmware, sensors)",
            file.SingleProblem());
    }

    [Fact]
    public void A_latitude_out_of_range_is_reported_with_the_range()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"lat\": 35.1556", "\"lat\": 95.1556"));

        Assert.Equal(
            $"{file.Path}:19:20: $.bays[0].location.lat: 95.1556 is out of range (expected -90 to 90)",
            file.SingleProblem());
    }

    [Fact]
    public void A_heading_of_360_degrees_is_reported_because_the_range_ends_below_it()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"headingDeg\": 90", "\"headingDeg\": 360"));

        Assert.Equal(
            $"{file.Path}:58:7: $.cameras[0].headingDeg: 360 is out of range (expected 0 to below 360)",
            file.SingleProblem());
    }

    [Fact]
    public void An_unknown_sensor_model_is_reported_with_the_models_known_for_its_kind()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"HMC5883L\"", "\"HMC9999\""));

        Assert.Equal(
            $"{file.Path}:22:34: $.bays[0].sensors[0].model: 'HMC9999' is not a valid magnetometer model (expected one of HMC5883L, QMC5883L, LIS2MDL)",
            file.SingleProblem());
    }

    [Fact]
    public void A_sensor_kind_that_a_bay_cannot_have_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With(
            "{\"kind\": \"distance\", \"model\": \"VL53L0X\", \"i2cAddress\": \"0x29\", \"interruptPin\": 5}",
            "{\"kind\": \"light\", \"model\": \"BH1750\", \"i2cAddress\": \"0x23\"}"));

        Assert.Equal(
            $"{file.Path}:23:10: $.bays[0].sensors[1].kind: 'light' is not a valid parking bay sensor kind (expected one of magnetometer, distance, battery)",
            file.SingleProblem());
    }

    [Fact]
    public void An_id_with_capitals_and_underscores_is_reported_with_the_id_rules()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"bay-a001\"", "\"Bay_A001\""));

        Assert.Equal(
            $"{file.Path}:16:7: $.bays[0].id: 'Bay_A001' is not a valid id (expected lowercase letters, digits and '-', 3 to 64 characters)",
            file.SingleProblem());
    }

    [Fact]
    public void An_i2c_address_not_written_as_hex_is_reported_once_with_the_format()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"0x1E\"", "\"0x1e\""));

        Assert.Equal(
            $"{file.Path}:22:55: $.bays[0].sensors[0].i2cAddress: '0x1e' is not a valid I2C address "
            + "(expected a 7-bit address from 0x08 to 0x77 written as 0x and two uppercase hex digits, e.g. 0x1E)",
            file.SingleProblem());
    }

    [Fact]
    public void An_i2c_address_the_part_cannot_answer_on_is_reported_with_its_addresses()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"0x1E\"", "\"0x1F\""));

        Assert.Equal(
            $"{file.Path}:22:55: $.bays[0].sensors[0].i2cAddress: '0x1F' is not a valid HMC5883L I2C address "
            + "(expected 0x1E; the HMC5883L has one fixed address)",
            file.SingleProblem());
    }

    [Fact]
    public void A_pir_given_an_i2c_address_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"pin\": 27}", "\"pin\": 27, \"i2cAddress\": \"0x40\"}"));

        Assert.Equal(
            $"{file.Path}:49:57: $.shelters[0].sensors[2].i2cAddress: property 'i2cAddress' is not allowed for a PIR sensor "
            + "(expected pin only: a PIR output is a plain GPIO input)",
            file.SingleProblem());
    }

    [Fact]
    public void A_display_wider_than_its_controller_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"widthPx\": 256", "\"widthPx\": 300"));

        Assert.Equal(
            $"{file.Path}:45:39: $.shelters[0].display.widthPx: 300 is out of range for an SSD1322's width (expected at most 256)",
            file.SingleProblem());
    }

    [Fact]
    public void A_display_on_i2c_without_an_address_is_reported_with_its_spi_pins()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With(
            "\"model\": \"SSD1322\", \"widthPx\": 256, \"heightPx\": 64, \"bus\": \"spi\"",
            "\"model\": \"SSD1306\", \"widthPx\": 128, \"heightPx\": 64, \"bus\": \"i2c\""));

        Assert.Equal(
            [
                $"{file.Path}:45:7: $.shelters[0].display: missing required property 'i2cAddress' for a display on I2C",
                $"{file.Path}:45:85: $.shelters[0].display.spiCsPin: property 'spiCsPin' is not allowed for a display on I2C (expected i2cAddress and no SPI pins)",
                $"{file.Path}:45:100: $.shelters[0].display.dcPin: property 'dcPin' is not allowed for a display on I2C (expected i2cAddress and no SPI pins)",
            ],
            file.Validate().Select(p => p.ToString()));
    }

    [Fact]
    public void A_whole_number_written_with_a_fraction_is_reported_not_thrown()
    {
        // JSON Schema calls 1883.0 an integer; the model's int does not. The validator must catch what the loader would refuse.
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"mqttPort\": 1883", "\"mqttPort\": 1883.0"));

        Assert.Equal(
            $"{file.Path}:5:88: $.gateways[0].mqttPort: found the number 1883.0 (expected a whole number written without a fraction or exponent)",
            file.SingleProblem());
    }
}
