namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// Unix milliseconds as the ISO 8601 UTC text NGSI-LD's <c>observedAt</c> takes, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>,
/// written as ASCII digits straight into a buffer (no <see cref="DateTime.ToString(string)"/> string per entity).
/// </summary>
internal static class IsoTimestamp
{
    /// <summary>Bytes written: always 24.</summary>
    public const int Length = 24;

    /// <summary>Writes <paramref name="unixMs"/> into the first <see cref="Length"/> bytes of <paramref name="into"/>.</summary>
    public static void Write(Span<byte> into, long unixMs)
    {
        DateTime t = DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime;
        Digits(into[..4], t.Year);
        into[4] = (byte)'-';
        Digits(into[5..7], t.Month);
        into[7] = (byte)'-';
        Digits(into[8..10], t.Day);
        into[10] = (byte)'T';
        Digits(into[11..13], t.Hour);
        into[13] = (byte)':';
        Digits(into[14..16], t.Minute);
        into[16] = (byte)':';
        Digits(into[17..19], t.Second);
        into[19] = (byte)'.';
        Digits(into[20..23], t.Millisecond);
        into[23] = (byte)'Z';
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (int i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
