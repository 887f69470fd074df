using System.Text.Json;

namespace EdgeCity.Inventory;

/// <summary>
/// Finds the schema object an evaluation path leads to ("/properties/bays/items/$ref/properties/lotId"),
/// following local <c>$ref</c>s, so a problem message can quote the keyword that failed.
/// </summary>
internal static class SchemaNodeLocator
{
    private static readonly HashSet<string> NamedChildKeywords = ["properties", "$defs", "patternProperties", "dependentSchemas"];
    private static readonly HashSet<string> IndexedChildKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"];

    public static JsonElement? Resolve(JsonElement schemaRoot, IReadOnlyList<string> evaluationPath, int count)
    {
        JsonElement node = schemaRoot;
        for (int i = 0; i < count; i++)
        {
            string keyword = evaluationPath[i];
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(keyword, out JsonElement child))
            {
                return null;
            }

            if (keyword == "$ref")
            {
                if (child.ValueKind != JsonValueKind.String || !TryFollowRef(schemaRoot, child.GetString()!, out child))
                {
                    return null;
                }
            }
            else if (NamedChildKeywords.Contains(keyword))
            {
                if (++i >= count || child.ValueKind != JsonValueKind.Object || !child.TryGetProperty(evaluationPath[i], out child))
                {
                    return null;
                }
            }
            else if (IndexedChildKeywords.Contains(keyword))
            {
                if (++i >= count || child.ValueKind != JsonValueKind.Array || !int.TryParse(evaluationPath[i], out int index)
                    || index < 0 || index >= child.GetArrayLength())
                {
                    return null;
                }

                child = child[index];
            }
            else if (keyword == "items" && i + 1 < count && evaluationPath[i + 1] == "items")
            {
                // JsonSchema.Net 8 writes "items" twice in evaluation paths ("/properties/bays/items/items/$ref").
                // Our schema has no arrays of arrays, so the repeat is never a nested "items".
                i++;
            }

            node = child;
        }

        return node;
    }

    private static bool TryFollowRef(JsonElement schemaRoot, string reference, out JsonElement target)
    {
        target = default;
        return reference.StartsWith('#') && JsonPointerText.TryResolve(schemaRoot, Uri.UnescapeDataString(reference[1..]), out target);
    }
}
