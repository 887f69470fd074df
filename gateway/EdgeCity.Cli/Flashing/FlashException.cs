namespace EdgeCity.Cli.Flashing;

/// <summary>A board cannot be flashed as asked; the message says what is missing and how to supply it.</summary>
public sealed class FlashException : Exception
{
    /// <summary>Creates the exception with a message naming the file or option and what was expected.</summary>
    public FlashException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public FlashException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public FlashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
