using System.Text.Json;
using Json.Schema;

namespace EdgeCity.Inventory.Tests;

/// <summary>The committed boards.schema.json: a sound schema that agrees with the model.</summary>
public sealed class BoardsSchemaTests
{
    private static readonly Lazy<JsonDocument> Schema = new(() => JsonDocument.Parse(File.ReadAllBytes(RepositoryFiles.BoardsSchemaJson)));

    [Fact]
    public void The_committed_schema_is_a_valid_json_schema_2020_12()
    {
        EvaluationResults results = MetaSchemas.Draft202012.Evaluate(Schema.Value.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join('\n', (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_sensor_kinds_of_bays_and_shelters_are_exactly_the_model_sensor_kinds()
    {
        JsonElement defs = Schema.Value.RootElement.GetProperty("$defs");
        IEnumerable<string> KindsOf(string def) =>
            defs.GetProperty(def).GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()!);

        Assert.Equal(
            Enum.GetNames<SensorKind>().Select(JsonNamingPolicy.CamelCase.ConvertName).Order(),
            KindsOf("baySensor").Concat(KindsOf("shelterSensor")).Order());
    }

    [Fact]
    public void The_display_buses_are_exactly_the_model_display_buses()
    {
        JsonElement bus = Schema.Value.RootElement.GetProperty("$defs").GetProperty("display").GetProperty("properties").GetProperty("bus");

        Assert.Equal(
            Enum.GetNames<DisplayBus>().Select(JsonNamingPolicy.CamelCase.ConvertName),
            bus.GetProperty("enum").EnumerateArray().Select(b => b.GetString()!));
    }
}
