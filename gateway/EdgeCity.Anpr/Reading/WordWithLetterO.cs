namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A Latin reading whose only digits are zeros, each standing alone between two letters, is a word: the EU alphabet has
/// no letter O (it is the digit 0 on a plate), so a sign's HOTEL can only be read H0TEL. Plates put their digits in
/// groups (BAB1234, AB-123-CD, 12-ABC-3); a lone digit between letters that is always a zero is the O of a word.
/// </summary>
internal static class WordWithLetterO
{
    /// <summary>Whether every digit of <paramref name="text"/> is a 0 with a Latin letter on either side (and there is one).</summary>
    public static bool Is(string text)
    {
        bool any = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) continue;
            if (text[i] != '0' || i == 0 || i == text.Length - 1 || !char.IsAsciiLetterUpper(text[i - 1]) || !char.IsAsciiLetterUpper(text[i + 1])) return false;
            any = true;
        }

        return any;
    }
}
