namespace EdgeCity.Inventory;

/// <summary>Which stage of validation found a <see cref="ValidationProblem"/>.</summary>
public enum ValidationProblemKind
{
    /// <summary>The file does not exist.</summary>
    FileNotFound,

    /// <summary>The file cannot be read, is empty, or is not UTF-8 text.</summary>
    File,

    /// <summary>The text is not well-formed JSON, or an object names the same property twice.</summary>
    Syntax,

    /// <summary>The document breaks boards.schema.json: a wrong type, a missing or unknown property, a value out of range.</summary>
    Schema,

    /// <summary>
    /// The document breaks a rule the schema cannot express: a duplicate id, a reference to something that does not
    /// exist, a pin or I2C address used twice on one board.
    /// </summary>
    Consistency,
}
