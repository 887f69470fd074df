using System.Collections.Immutable;

namespace EdgeCity.NanoCheck;

/// <summary>Names of the generic parameters in scope while decoding a signature, so that <c>!0</c> reads as <c>T</c>.</summary>
internal sealed record SignatureGenericContext(ImmutableArray<string> TypeParameters, ImmutableArray<string> MethodParameters)
{
    public static readonly SignatureGenericContext Empty = new([], []);
}
