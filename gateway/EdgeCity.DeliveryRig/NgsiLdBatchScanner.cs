using System.Buffers;
using System.Text.Json;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// Reads what the recorder needs from a batch of NGSI-LD entities (a JSON array) in one forward pass: each
/// entity's <c>idempotencyKey</c> and the <c>observedAt</c> of its <c>status</c> or <c>deviceState</c>. A
/// <see cref="JsonDocument"/> per batch cost the recorder more CPU than it needs on the bench machine, where the
/// recorder shares two cores with the gateway it measures.
/// </summary>
internal static class NgsiLdBatchScanner
{
    /// <summary>True when <paramref name="payload"/> starts with a JSON array (after white space).</summary>
    public static bool IsArray(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        return reader.Read() && reader.TokenType == JsonTokenType.StartArray;
    }

    /// <summary>Called for every entity that has a key, with the key's UTF-8 bytes and its observedAt in Unix ms, or null.</summary>
    public delegate void EntityHandler(ReadOnlySpan<byte> key, long? observedAtUnixMs);

    /// <summary>Calls <paramref name="entity"/> for every entity that has a key.</summary>
    public static void Scan(ReadOnlySequence<byte> payload, EntityHandler entity)
    {
        var reader = new Utf8JsonReader(payload);
        byte[]? key = null;
        long? observedAt = null;
        Attribute attribute = Attribute.Other;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when reader.CurrentDepth == 1:
                    key = null;
                    observedAt = null;
                    break;
                case JsonTokenType.EndObject when reader.CurrentDepth == 1:
                    if (key is not null)
                    {
                        entity(key, observedAt);
                    }

                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 2:
                    attribute = reader.ValueTextEquals("idempotencyKey"u8) ? Attribute.IdempotencyKey
                        : reader.ValueTextEquals("status"u8) || reader.ValueTextEquals("deviceState"u8) ? Attribute.Observed
                        : Attribute.Other;
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 3 && attribute == Attribute.IdempotencyKey && reader.ValueTextEquals("value"u8):
                    reader.Read();
                    key = reader.HasValueSequence || reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan.ToArray();
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 3 && attribute == Attribute.Observed && reader.ValueTextEquals("observedAt"u8):
                    reader.Read();
                    observedAt = reader.GetDateTimeOffset().ToUnixTimeMilliseconds();
                    break;
            }
        }
    }

    private enum Attribute
    {
        Other,
        IdempotencyKey,
        Observed,
    }
}
