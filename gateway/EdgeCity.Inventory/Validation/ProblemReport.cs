namespace EdgeCity.Inventory;

/// <summary>Collects the problems of one file, placing each by JSON pointer through the file's <see cref="SourceMap"/>.</summary>
internal sealed class ProblemReport(string fileName)
{
    /// <summary>Past this many, a broken file tells nothing more; the rest are counted, not listed.</summary>
    public const int MaxProblems = 500;

    private readonly List<ValidationProblem> _problems = [];
    private int _dropped;

    public string FileName { get; } = fileName;

    public SourceMap? Map { get; set; }

    public int Count => _problems.Count + _dropped;

    public void Add(ValidationProblemKind kind, TextPosition position, string path, string message)
    {
        if (_problems.Count >= MaxProblems)
        {
            _dropped++;
            return;
        }

        var problem = new ValidationProblem(kind, FileName, position.Line, position.Column, path, message);
        if (!_problems.Contains(problem))
        {
            _problems.Add(problem);
        }
    }

    public void AddForFile(ValidationProblemKind kind, string message) =>
        Add(kind, new TextPosition(0, 0), DisplayPath.Root, message);

    /// <summary>Adds a problem at the value <paramref name="pointer"/> names (at its property name, if it has one).</summary>
    public void AddAt(ValidationProblemKind kind, string pointer, string message)
    {
        (TextPosition position, string path) = Locate(pointer);
        Add(kind, position, path, message);
    }

    /// <summary>"$.bays[0] at line 52": how a message points at another place in the file.</summary>
    public string Describe(string pointer)
    {
        (TextPosition position, string path) = Locate(pointer);
        return $"{path} at line {position.Line}";
    }

    public string PathOf(string pointer) => Locate(pointer).Path;

    /// <summary>The problems in file order (line, then column), stable for ties.</summary>
    public IReadOnlyList<ValidationProblem> ToList()
    {
        List<ValidationProblem> sorted = [.. _problems.OrderBy(p => p.Line).ThenBy(p => p.Column)];
        if (_dropped > 0)
        {
            sorted.Add(new ValidationProblem(
                ValidationProblemKind.File, FileName, 0, 0, DisplayPath.Root,
                $"{_dropped} more problems not listed (stopped after {MaxProblems})"));
        }

        return sorted;
    }

    private (TextPosition Position, string Path) Locate(string pointer) =>
        Map?.Locate(pointer) ?? (TextPosition.Start, DisplayPath.FromPointer(pointer));
}
