namespace EdgeCity.Gateway.Upstream;

/// <summary>Upstream could not be reached or refused a batch; the pump backs off and sends it again.</summary>
public sealed class UpstreamUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UpstreamUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UpstreamUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public UpstreamUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
