using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace EdgeCity.NanoCheck;

/// <summary>
/// Decodes a signature into a C#-like type name and, on the way, collects every shape the nanoFramework 1.x
/// type system lacks: generic instantiations, multidimensional arrays and function pointers. One instance per
/// signature; read <see cref="Findings"/> after decoding.
/// </summary>
internal sealed class SignatureShapeProvider(MetadataReader md) : ISignatureTypeProvider<string, SignatureGenericContext>
{
    private readonly List<string> _findings = [];

    /// <summary>Problem texts for the forbidden shapes met while decoding, innermost first.</summary>
    public IReadOnlyList<string> Findings => _findings;

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        MetadataNames.TypeDefinitionRaw(reader, handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        MetadataNames.TypeReference(reader, handle);

    public string GetTypeFromSpecification(
        MetadataReader reader, SignatureGenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape)
    {
        string name = elementType + "[" + new string(',', Math.Max(shape.Rank - 1, 0)) + "]";
        _findings.Add(NanoRules.MultidimensionalArray(name));
        return name;
    }

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        string name = MetadataNames.StripArity(genericType) + "<" + string.Join(", ", typeArguments) + ">";
        _findings.Add(NanoRules.GenericInstantiation(name));
        return name;
    }

    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        _findings.Add(NanoRules.FunctionPointer);
        return "delegate*<" + string.Join(", ", signature.ParameterTypes.Append(signature.ReturnType)) + ">";
    }

    // A generic parameter alone is not a finding: it shows up in signatures of members of generic types from
    // other assemblies (Action<T>.Invoke(!0)), whose instantiation is reported where it is used.
    public string GetGenericTypeParameter(SignatureGenericContext genericContext, int index) =>
        index < genericContext.TypeParameters.Length ? genericContext.TypeParameters[index] : "!" + index;

    public string GetGenericMethodParameter(SignatureGenericContext genericContext, int index) =>
        index < genericContext.MethodParameters.Length ? genericContext.MethodParameters[index] : "!!" + index;

    public string GetByReferenceType(string elementType) => "ref " + elementType;

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    /// <summary>Display name of a type handle of any kind (definition, reference or specification).</summary>
    public string NameOf(EntityHandle handle, SignatureGenericContext context) => handle.Kind switch
    {
        HandleKind.TypeDefinition => MetadataNames.TypeDefinitionRaw(md, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => MetadataNames.TypeReference(md, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => GetTypeFromSpecification(md, context, (TypeSpecificationHandle)handle, 0),
        _ => handle.Kind.ToString(),
    };
}
