using System.Reflection.Metadata;

namespace EdgeCity.NanoCheck;

/// <summary>C#-like display names for metadata entities, used in violation messages.</summary>
internal static class MetadataNames
{
    public static string Type(MetadataReader md, TypeDefinitionHandle handle)
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        string rawName = md.GetString(type.Name);
        string name = StripArity(rawName) + OwnGenericParameters(md, type.GetGenericParameters(), Arity(rawName));

        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return Type(md, declaring) + "." + name;
        }

        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string Method(MetadataReader md, MethodDefinitionHandle handle)
    {
        MethodDefinition method = md.GetMethodDefinition(handle);
        GenericParameterHandleCollection parameters = method.GetGenericParameters();
        return Type(md, method.GetDeclaringType()) + "." + md.GetString(method.Name)
            + OwnGenericParameters(md, parameters, parameters.Count);
    }

    public static string Field(MetadataReader md, FieldDefinitionHandle handle)
    {
        FieldDefinition field = md.GetFieldDefinition(handle);
        return Type(md, field.GetDeclaringType()) + "." + md.GetString(field.Name);
    }

    /// <summary>Namespace-qualified name of a type reference, with its generic arity suffix (<c>System.Action`1</c>).</summary>
    public static string TypeReference(MetadataReader md, TypeReferenceHandle handle)
    {
        TypeReference reference = md.GetTypeReference(handle);
        string name = md.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeReference(md, (TypeReferenceHandle)reference.ResolutionScope) + "." + name;
        }

        string ns = md.GetString(reference.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Namespace-qualified name of a type definition, with its generic arity suffix, for use inside signatures.</summary>
    public static string TypeDefinitionRaw(MetadataReader md, TypeDefinitionHandle handle)
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        string name = md.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return TypeDefinitionRaw(md, declaring) + "." + name;
        }

        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Whether one of <paramref name="attributes"/> is of the type named <paramref name="fullName"/>.</summary>
    public static bool HasAttribute(MetadataReader md, CustomAttributeHandleCollection attributes, string fullName)
    {
        foreach (CustomAttributeHandle handle in attributes)
        {
            EntityHandle constructor = md.GetCustomAttribute(handle).Constructor;
            EntityHandle attributeType = constructor.Kind switch
            {
                HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
                HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)constructor).Parent,
                _ => default,
            };

            string name = attributeType.Kind switch
            {
                HandleKind.TypeDefinition => TypeDefinitionRaw(md, (TypeDefinitionHandle)attributeType),
                HandleKind.TypeReference => TypeReference(md, (TypeReferenceHandle)attributeType),
                _ => "",
            };

            if (name == fullName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Roslyn names what it generates (closures, lambdas, caches, state machines) starting with '&lt;'.</summary>
    public static bool IsCompilerGenerated(string name) => name.StartsWith('<');

    /// <summary><c>System.Action`1</c> becomes <c>System.Action</c>.</summary>
    public static string StripArity(string name)
    {
        int tick = name.LastIndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    public static string GenericParameterName(MetadataReader md, GenericParameterHandle handle) =>
        md.GetString(md.GetGenericParameter(handle).Name);

    /// <summary>The generic arity a metadata name carries: 2 for <c>Func`2</c>, 0 for <c>Object</c>.</summary>
    public static int Arity(string rawName)
    {
        int tick = rawName.LastIndexOf('`');
        return tick >= 0 && int.TryParse(rawName.AsSpan(tick + 1), out int arity) ? arity : 0;
    }

    // A nested type repeats its enclosing types' parameters in metadata; only the last `arity` are its own.
    private static string OwnGenericParameters(MetadataReader md, GenericParameterHandleCollection parameters, int arity)
    {
        if (arity == 0 || parameters.Count < arity)
        {
            return "";
        }

        var names = new List<string>(arity);
        for (int i = parameters.Count - arity; i < parameters.Count; i++)
        {
            names.Add(GenericParameterName(md, parameters[i]));
        }

        return "<" + string.Join(", ", names) + ">";
    }
}
