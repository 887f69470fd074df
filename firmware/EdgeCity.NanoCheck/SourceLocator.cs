using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace EdgeCity.NanoCheck;

/// <summary>
/// Finds where in the sources a member was written, from the assembly's portable PDB (when there is one).
/// A method gets the line of its first statement. The PDB records no lines for types and fields, so those get
/// their file only — except members of compiler-generated types (lambda closures), which get the lambda's line.
/// </summary>
internal sealed class SourceLocator(MetadataReader md, MetadataReader? pdb)
{
    // Roslyn's custom debug information naming the documents of types that have no method bodies (interfaces).
    private static readonly Guid TypeDefinitionDocumentsKind = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    public NanoViolation Place(NanoViolation violation, EntityHandle member)
    {
        if (pdb is null)
        {
            return violation;
        }

        (string Path, int Line, int Column)? location = member.Kind switch
        {
            HandleKind.MethodDefinition => LineOf((MethodDefinitionHandle)member)
                ?? FileOf(md.GetMethodDefinition((MethodDefinitionHandle)member).GetDeclaringType()),
            HandleKind.FieldDefinition => OfContainedMember(md.GetFieldDefinition((FieldDefinitionHandle)member).GetDeclaringType()),
            HandleKind.TypeDefinition => OfContainedMember((TypeDefinitionHandle)member),
            _ => null,
        };

        return location is { } l ? violation with { SourcePath = l.Path, Line = l.Line, Column = l.Column } : violation;
    }

    private (string, int, int)? OfContainedMember(TypeDefinitionHandle type)
    {
        if (MetadataNames.IsCompilerGenerated(md.GetString(md.GetTypeDefinition(type).Name)))
        {
            foreach (MethodDefinitionHandle method in md.GetTypeDefinition(type).GetMethods())
            {
                if (LineOf(method) is { } line)
                {
                    return line;
                }
            }
        }

        return FileOf(type);
    }

    private (string, int, int)? LineOf(MethodDefinitionHandle method)
    {
        foreach (SequencePoint point in pdb!.GetMethodDebugInformation(method).GetSequencePoints())
        {
            if (!point.IsHidden)
            {
                return (pdb.GetString(pdb.GetDocument(point.Document).Name), point.StartLine, point.StartColumn);
            }
        }

        return null;
    }

    private (string, int, int)? FileOf(TypeDefinitionHandle type)
    {
        foreach (MethodDefinitionHandle method in md.GetTypeDefinition(type).GetMethods())
        {
            if (LineOf(method) is { } line)
            {
                return (line.Item1, 0, 0);
            }
        }

        foreach (CustomDebugInformationHandle handle in pdb!.GetCustomDebugInformation(type))
        {
            CustomDebugInformation info = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(info.Kind) == TypeDefinitionDocumentsKind)
            {
                BlobReader blob = pdb.GetBlobReader(info.Value);
                if (blob.RemainingBytes > 0)
                {
                    DocumentHandle document = MetadataTokens.DocumentHandle(blob.ReadCompressedInteger());
                    return (pdb.GetString(pdb.GetDocument(document).Name), 0, 0);
                }
            }
        }

        TypeDefinitionHandle declaring = md.GetTypeDefinition(type).GetDeclaringType();
        return declaring.IsNil ? null : FileOf(declaring);
    }
}
