namespace EdgeCity.Inventory.Tests;

/// <summary>Rules the schema cannot express: each broken copy of the minimal inventory gives exactly one line.</summary>
public sealed class ConsistencyProblemTests
{
    [Fact]
    public void A_bay_in_a_lot_that_does_not_exist_is_reported_at_its_lotId()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"lotId\": \"lot-a\"", "\"lotId\": \"lot-x\""));

        Assert.Equal(
            $"{file.Path}:17:7: $.bays[0].lotId: lot 'lot-x' does not exist (expected one of the ids in $.parkingLots)",
            file.SingleProblem());
    }

    [Fact]
    public void A_lot_charging_a_missing_tariff_is_reported_with_a_column_counted_in_characters_not_bytes()
    {
        // Line 12 holds Korean text before "tariffId": column 110 in characters would be far larger in bytes.
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"tariffId\": \"tariff-a\"", "\"tariffId\": \"tariff-x\""));

        Assert.Equal(
            $"{file.Path}:12:110: $.parkingLots[0].tariffId: tariff 'tariff-x' does not exist (expected one of the ids in $.tariffs)",
            file.SingleProblem());
    }

    [Fact]
    public void A_lot_served_by_a_missing_gateway_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"gatewayId\": \"gw-a\"", "\"gatewayId\": \"gw-x\""));

        Assert.Equal(
            $"{file.Path}:12:134: $.parkingLots[0].gatewayId: gateway 'gw-x' does not exist (expected one of the ids in $.gateways)",
            file.SingleProblem());
    }

    [Fact]
    public void A_shelter_reporting_to_a_missing_gateway_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"gatewayId\": \"gw-b\"", "\"gatewayId\": \"gw-x\""));

        Assert.Equal(
            $"{file.Path}:44:7: $.shelters[0].gatewayId: gateway 'gw-x' does not exist (expected one of the ids in $.gateways)",
            file.SingleProblem());
    }

    [Fact]
    public void A_camera_reporting_to_a_missing_gateway_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"gatewayId\": \"gw-b\"", "\"gatewayId\": \"gw-x\"", occurrence: 3));

        Assert.Equal(
            $"{file.Path}:69:7: $.cameras[1].gatewayId: gateway 'gw-x' does not exist (expected one of the ids in $.gateways)",
            file.SingleProblem());
    }

    [Fact]
    public void A_camera_link_to_a_missing_camera_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("{\"to\": \"cam-b\"", "{\"to\": \"cam-z\""));

        Assert.Equal(
            $"{file.Path}:61:18: $.cameras[0].links[0].to: camera 'cam-z' does not exist (expected one of the ids in $.cameras)",
            file.SingleProblem());
    }

    [Fact]
    public void A_camera_linked_to_itself_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("{\"to\": \"cam-b\"", "{\"to\": \"cam-a\""));

        Assert.Equal(
            $"{file.Path}:61:18: $.cameras[0].links[0].to: camera 'cam-a' links to itself (expected the id of another camera)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_links_from_one_camera_to_the_same_camera_are_reported_at_the_second()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With(
            "[{\"to\": \"cam-b\", \"distanceM\": 940, \"travelTimeS\": 120}]",
            "[{\"to\": \"cam-b\", \"distanceM\": 940, \"travelTimeS\": 120}, {\"to\": \"cam-b\", \"distanceM\": 950, \"travelTimeS\": 125}]"));

        Assert.Equal(
            $"{file.Path}:61:73: $.cameras[0].links[1].to: camera 'cam-b' is already linked from this camera by "
            + "$.cameras[0].links[0] at line 61 (expected one link per destination)",
            file.SingleProblem());
    }

    [Fact]
    public void A_shelter_with_the_id_of_a_bay_is_reported_because_board_ids_are_unique_across_kinds()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"id\": \"bit-stop-a\"", "\"id\": \"bay-a002\""));

        Assert.Equal(
            $"{file.Path}:40:7: $.shelters[0].id: board id 'bay-a002' is already used by $.bays[1] at line 26 "
            + "(expected each board id once across bays, shelters and cameras)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_bays_with_one_id_are_reported_at_the_second()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"id\": \"bay-a002\"", "\"id\": \"bay-a001\""));

        Assert.Equal(
            $"{file.Path}:27:7: $.bays[1].id: board id 'bay-a001' is already used by $.bays[0] at line 15 "
            + "(expected each board id once across bays, shelters and cameras)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_gateways_with_one_id_are_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With(
            "{\"id\": \"gw-b\",",
            "{\"id\": \"gw-a\", \"name\": \"Spare\", \"location\": {\"lat\": 35.1, \"lon\": 129.0}, \"mqttPort\": 1883, \"httpPort\": 8080}, {\"id\": \"gw-b\","));

        Assert.Equal(
            $"{file.Path}:6:6: $.gateways[1].id: gateway id 'gw-a' is already used by $.gateways[0] at line 5 (expected each gateway id once)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_tariffs_with_one_id_are_reported()
    {
        const string Tariff = "{\"id\": \"tariff-a\", \"currency\": \"KRW\", \"freeMinutes\": 10, \"baseMinutes\": 30, \"baseFee\": 1000, \"unitMinutes\": 10, \"unitFee\": 300, \"dailyMax\": 10000}";
        using var file = TempBoardsFile.WithText(MinimalInventory.With(Tariff, Tariff + ", " + Tariff));

        Assert.Equal(
            $"{file.Path}:9:154: $.tariffs[1].id: tariff id 'tariff-a' is already used by $.tariffs[0] at line 9 (expected each tariff id once)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_lots_with_one_id_are_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With(
            "{\"id\": \"lot-a\",",
            "{\"id\": \"lot-a\", \"name\": \"B\", \"address\": \"B\", \"location\": {\"lat\": 35.1558, \"lon\": 129.0590}, \"tariffId\": \"tariff-a\", \"gatewayId\": \"gw-a\"},\n    {\"id\": \"lot-a\","));

        Assert.Equal(
            $"{file.Path}:13:6: $.parkingLots[1].id: lot id 'lot-a' is already used by $.parkingLots[0] at line 12 (expected each lot id once)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_sensors_on_one_gpio_of_a_bay_are_reported_at_the_second()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"interruptPin\": 5", "\"interruptPin\": 4"));

        Assert.Equal(
            $"{file.Path}:23:72: $.bays[0].sensors[1].interruptPin: GPIO 4 is already used by $.bays[0].sensors[0].interruptPin (expected each GPIO once per board)",
            file.SingleProblem());
    }

    [Fact]
    public void A_shelter_sensor_on_the_gpio_of_its_display_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"pin\": 27", "\"pin\": 16"));

        Assert.Equal(
            $"{file.Path}:49:46: $.shelters[0].sensors[2].pin: GPIO 16 is already used by $.shelters[0].display.dcPin (expected each GPIO once per board)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_parts_at_one_i2c_address_on_a_bay_are_reported_at_the_second()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"i2cAddress\": \"0x29\"", "\"i2cAddress\": \"0x1E\""));

        Assert.Equal(
            $"{file.Path}:23:50: $.bays[0].sensors[1].i2cAddress: I2C address 0x1E is already used by $.bays[0].sensors[0].i2cAddress (expected each I2C address once per board)",
            file.SingleProblem());
    }

    [Fact]
    public void Two_bays_with_one_label_in_a_lot_are_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"label\": \"A-002\"", "\"label\": \"A-001\""));

        Assert.Equal(
            $"{file.Path}:29:7: $.bays[1].label: label 'A-001' is already used in lot 'lot-a' by $.bays[0] at line 15 (expected each label once per lot)",
            file.SingleProblem());
    }

    [Fact]
    public void A_bay_without_a_magnetometer_is_reported_at_its_sensors()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With(
            "{\"kind\": \"magnetometer\", \"model\": \"QMC5883L\", \"i2cAddress\": \"0x0D\", \"interruptPin\": 4},", ""));

        Assert.Equal(
            $"{file.Path}:32:7: $.bays[1].sensors: this bay has no magnetometer (expected exactly one sensor of kind 'magnetometer': it detects the car)",
            file.SingleProblem());
    }

    [Fact]
    public void A_bay_far_from_its_lot_is_reported_as_a_likely_typo()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("{\"lat\": 35.1556, \"lon\": 129.0591}", "{\"lat\": 35.2556, \"lon\": 129.0591}"));

        Assert.Equal(
            $"{file.Path}:30:7: $.bays[1].location: bay is 11.1 km from its lot 'lot-a' "
            + "(expected within 1 km of $.parkingLots[0].location; are lat and lon swapped?)",
            file.SingleProblem());
    }

    [Fact]
    public void A_daily_maximum_below_the_base_fee_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"dailyMax\": 10000", "\"dailyMax\": 500"));

        Assert.Equal(
            $"{file.Path}:9:133: $.tariffs[0].dailyMax: daily maximum 500 is below the base fee 1000 (expected dailyMax of at least baseFee)",
            file.SingleProblem());
    }

    [Fact]
    public void A_gateway_with_mqtt_and_http_on_one_port_is_reported()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.With("\"httpPort\": 8080", "\"httpPort\": 1883"));

        Assert.Equal(
            $"{file.Path}:5:106: $.gateways[0].httpPort: port 1883 is already used by $.gateways[0].mqttPort (expected different MQTT and HTTP ports)",
            file.SingleProblem());
    }
}
