namespace EdgeCity.Inventory.Tests;

/// <summary>The look-ups the simulator and the gateway use.</summary>
public sealed class BoardInventoryQueryTests
{
    private static readonly BoardInventory Inventory = BoardInventoryLoader.Parse(System.Text.Encoding.UTF8.GetBytes(MinimalInventory.Text));

    [Fact]
    public void All_board_ids_are_bays_then_shelters_then_cameras()
    {
        Assert.Equal(["bay-a001", "bay-a002", "bit-stop-a", "cam-a", "cam-b"], Inventory.AllBoardIds);
        Assert.Equal(5, Inventory.BoardCount);
    }

    [Fact]
    public void Bays_in_a_lot_are_listed_in_file_order_and_an_unknown_lot_has_none()
    {
        Assert.Equal(["bay-a001", "bay-a002"], Inventory.BaysInLot("lot-a").Select(b => b.Id));
        Assert.Empty(Inventory.BaysInLot("lot-x"));
    }

    [Fact]
    public void A_bay_reports_to_the_gateway_of_its_lot()
    {
        Assert.Equal("gw-a", Inventory.GatewayIdOf("bay-a002"));
        Assert.Equal("gw-b", Inventory.GatewayIdOf("bit-stop-a"));
        Assert.Equal("gw-b", Inventory.GatewayIdOf("cam-b"));
        Assert.Null(Inventory.GatewayIdOf("nobody"));
    }

    [Fact]
    public void The_boards_on_a_gateway_include_the_bays_of_its_lots()
    {
        Assert.Equal(["bay-a001", "bay-a002"], Inventory.BoardIdsOnGateway("gw-a"));
        Assert.Equal(["bit-stop-a", "cam-a", "cam-b"], Inventory.BoardIdsOnGateway("gw-b"));
    }

    [Fact]
    public void A_lot_leads_to_its_tariff_and_a_bay_to_its_lot()
    {
        Bay bay = Inventory.FindBay("bay-a001")!;

        ParkingLot lot = Inventory.LotOf(bay);

        Assert.Equal("lot-a", lot.Id);
        Assert.Equal(1000, Inventory.TariffOf(lot).BaseFee);
        Assert.Throws<KeyNotFoundException>(() => Inventory.TariffOf(lot with { TariffId = "none" }));
    }

    [Fact]
    public void Finding_an_unknown_id_gives_null()
    {
        Assert.Null(Inventory.FindBay("cam-a"));
        Assert.Null(Inventory.FindShelter("bay-a001"));
        Assert.Null(Inventory.FindCamera("x"));
        Assert.Null(Inventory.FindGateway("x"));
        Assert.NotNull(Inventory.FindGateway("gw-a"));
    }

    [Fact]
    public void Distances_between_points_are_great_circle_metres()
    {
        var seomyeon = new GeoLocation(35.1578, 129.0590);
        var busanStation = new GeoLocation(35.1151, 129.0415);

        Assert.InRange(seomyeon.DistanceMTo(busanStation), 4_900, 5_100);
        Assert.Equal(0, seomyeon.DistanceMTo(seomyeon), precision: 6);
    }
}
