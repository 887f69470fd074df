using System.Globalization;
using EdgeCity.FontGenerator;

// Usage: EdgeCity.FontGenerator [--check] [--font TTF] [--size PX] [--characters FILE] [--out FILE]
// Defaults make the committed table from the committed character list; --check compares instead of writing.
string repository = FindRepository();
string font = Option("--font", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
string fallbackFont = Option("--fallback-font", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
float size = float.Parse(Option("--size", "15"), CultureInfo.InvariantCulture);
string displayDirectory = Path.Combine(repository, "firmware/EdgeCity.Firmware/Shelter/Display");
string charactersFile = Option("--characters", Path.Combine(displayDirectory, "ShelterFontCharacters.txt"));
string output = Option("--out", Path.Combine(displayDirectory, "ShelterFont16.cs"));
bool check = args.Contains("--check");

foreach (string path in new[] { font, fallbackFont })
{
    if (!File.Exists(path))
    {
        Console.Error.WriteLine($"font-generator: {path} not found (Debian: apt-get install fonts-nanum fonts-wqy-microhei; ./edgecity installs them)");
        return 2;
    }
}

string source = ShelterFontTable.Generate(font, fallbackFont, size, File.ReadAllText(charactersFile), out IReadOnlyList<char> missing);
foreach (char c in missing)
{
    Console.Error.WriteLine($"font-generator: U+{(int)c:X4} '{c}' is in neither font; it will show as a box");
}

if (check)
{
    bool same = File.Exists(output) && File.ReadAllText(output) == source;
    Console.WriteLine(same ? $"{output}: up to date" : $"{output}: differs from a fresh run");
    return same ? 0 : 1;
}

File.WriteAllText(output, source);
Console.WriteLine($"{output}: written");
return 0;

string Option(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "EdgeCity.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
