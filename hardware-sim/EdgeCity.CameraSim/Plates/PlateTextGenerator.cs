namespace EdgeCity.CameraSim.Plates;

/// <summary>
/// Draws plausible plate texts. Korean: the Hangul class says the vehicle's use (private 가…주, commercial 바사아자,
/// rental 하허호, delivery 배) and the colour follows from it; regional plates carry one of the 17 province names.
/// European: a few national patterns (German, French/Italian, Dutch-like) of Latin letters and digits.
/// </summary>
public static class PlateTextGenerator
{
    /// <summary>Hangul classes on private cars.</summary>
    public const string PrivateHangul = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주";

    /// <summary>Hangul classes on commercial vehicles (taxis, buses, trucks).</summary>
    public const string CommercialHangul = "바사아자";

    /// <summary>Hangul classes on rental cars.</summary>
    public const string RentalHangul = "하허호";

    /// <summary>Hangul class of delivery vehicles.</summary>
    public const string DeliveryHangul = "배";

    /// <summary>The 17 metropolitan cities and provinces as written on regional plates.</summary>
    public static readonly IReadOnlyList<string> Regions =
        ["서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주"];

    private static readonly string[] EuCountries = ["D", "F", "I", "NL", "B", "A", "PL", "CZ"];
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    /// <summary>A random plate of <paramref name="style"/>, colour chosen to fit the use its text encodes.</summary>
    public static PlateSpec Next(PlateStyle style, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (style)
        {
            case PlateStyle.KrTwoDigit:
            case PlateStyle.KrThreeDigit:
            {
                (char hangul, PlateColour colour) = KoreanUse(random);
                int classDigits = style == PlateStyle.KrTwoDigit ? 2 : 3;
                string text = Digits(random, classDigits) + hangul + Digits(random, 4);
                return new PlateSpec(style, colour, text, "kr");
            }

            case PlateStyle.KrRegionalTwoLine:
            {
                bool commercial = random.NextDouble() < 0.4;
                char hangul = commercial ? Pick(CommercialHangul, random) : Pick(PrivateHangul, random);
                string text = Regions[random.Next(Regions.Count)] + Digits(random, 2) + hangul + Digits(random, 4);
                return new PlateSpec(style, commercial ? PlateColour.Yellow : PlateColour.Green, text, "kr");
            }

            case PlateStyle.KrRegionalStacked:
            {
                char hangul = random.NextDouble() < 0.85 ? Pick(CommercialHangul, random) : DeliveryHangul[0];
                string text = Regions[random.Next(Regions.Count)] + Digits(random, 2) + hangul + Digits(random, 4);
                return new PlateSpec(style, PlateColour.Yellow, text, "kr");
            }

            default:
                return NextEu(random);
        }
    }

    private static (char Hangul, PlateColour Colour) KoreanUse(Random random)
    {
        double use = random.NextDouble();
        if (use < 0.50) return (Pick(PrivateHangul, random), PlateColour.White);
        if (use < 0.62) return (Pick(PrivateHangul, random), PlateColour.Blue);
        if (use < 0.80) return (Pick(CommercialHangul, random), PlateColour.Yellow);
        if (use < 0.92) return (Pick(RentalHangul, random), PlateColour.White);
        return (DeliveryHangul[0], PlateColour.Yellow);
    }

    private static PlateSpec NextEu(Random random)
    {
        string country = EuCountries[random.Next(EuCountries.Length)];
        // German-style plates have at most 8 characters: district (1-3 letters), 1-2 letters, 1-4 digits.
        int district = 1 + random.Next(3), letters = 1 + random.Next(2);
        string[] groups = random.Next(3) switch
        {
            0 => [Latin(random, district), Latin(random, letters), Digits(random, 1 + random.Next(Math.Min(4, 8 - district - letters)), leadingZero: false)],
            1 => [Latin(random, 2), Digits(random, 3), Latin(random, 2)],
            _ => [Digits(random, 2), Latin(random, 3), Digits(random, 1)],
        };
        PlateColour colour = country == "NL" && random.NextDouble() < 0.5 ? PlateColour.Yellow : PlateColour.White;
        return new PlateSpec(PlateStyle.Eu, colour, string.Concat(groups), country, string.Join(' ', groups));
    }

    private static string Digits(Random random, int count, bool leadingZero = true)
    {
        var chars = new char[count];
        for (int i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + (i == 0 && !leadingZero ? 1 + random.Next(9) : random.Next(10)));
        }

        return new string(chars);
    }

    private static string Latin(Random random, int count)
    {
        var chars = new char[count];
        for (int i = 0; i < count; i++) chars[i] = Letters[random.Next(Letters.Length)];
        return new string(chars);
    }

    private static char Pick(string set, Random random) => set[random.Next(set.Length)];
}
