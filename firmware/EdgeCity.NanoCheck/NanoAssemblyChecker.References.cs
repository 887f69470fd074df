using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace EdgeCity.NanoCheck;

// What method bodies and type headers refer to: type and method specifications (instantiations, array shapes)
// and member references, reported on the member that refers to them.
public sealed partial class NanoAssemblyChecker
{
    // A token used by a method body or a type header: the instantiations and shapes it brings in.
    private void CheckReference(EntityHandle member, EntityHandle token, SignatureGenericContext context)
    {
        switch (token.Kind)
        {
            case HandleKind.TypeSpecification:
                CheckTypeHandle(member, token, context);
                break;

            case HandleKind.MethodSpecification:
                _attributedSpecs.Add(token);
                MethodSpecification specification = _md.GetMethodSpecification((MethodSpecificationHandle)token);
                var provider = new SignatureShapeProvider(_md);
                ImmutableArray<string> arguments = specification.DecodeSignature(provider, context);
                Report(member, NanoRules.GenericMethodInstantiation(
                    MethodName(specification.Method, context) + "<" + string.Join(", ", arguments) + ">"));
                ReportAll(member, provider.Findings);
                CheckReference(member, specification.Method, context);
                break;

            case HandleKind.MemberReference:
                CheckMemberReference(member, (MemberReferenceHandle)token, context);
                break;

            case HandleKind.StandaloneSignature:
                StandaloneSignature standalone = _md.GetStandaloneSignature((StandaloneSignatureHandle)token);
                if (standalone.GetKind() == StandaloneSignatureKind.Method)
                {
                    var calliProvider = new SignatureShapeProvider(_md);
                    standalone.DecodeMethodSignature(calliProvider, context);
                    ReportAll(member, calliProvider.Findings);
                }

                break;
        }
    }

    private void CheckMemberReference(EntityHandle member, MemberReferenceHandle handle, SignatureGenericContext context)
    {
        MemberReference reference = _md.GetMemberReference(handle);
        CheckTypeHandle(member, reference.Parent, context);

        // !0 / !!0 in a member reference's signature belong to the referenced member, not to ours.
        var provider = new SignatureShapeProvider(_md);
        if (reference.GetKind() == MemberReferenceKind.Method)
        {
            MethodSignature<string> signature = reference.DecodeMethodSignature(provider, SignatureGenericContext.Empty);
            if (signature.Header.CallingConvention == SignatureCallingConvention.VarArgs)
            {
                Report(member, NanoRules.VarArgs);
            }
        }
        else
        {
            reference.DecodeFieldSignature(provider, SignatureGenericContext.Empty);
        }

        ReportAll(member, provider.Findings);
    }

    private void CheckTypeHandle(EntityHandle member, EntityHandle type, SignatureGenericContext context)
    {
        if (type.Kind != HandleKind.TypeSpecification)
        {
            return;
        }

        _attributedSpecs.Add(type);
        var provider = new SignatureShapeProvider(_md);
        _md.GetTypeSpecification((TypeSpecificationHandle)type).DecodeSignature(provider, context);
        ReportAll(member, provider.Findings);
    }

    // Specifications not reached from any member (e.g. only used by a custom attribute) are reported on the module.
    private void CheckUnattributedSpecifications()
    {
        EntityHandle module = EntityHandle.ModuleDefinition;
        for (int row = 1; row <= _md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            TypeSpecificationHandle handle = MetadataTokens.TypeSpecificationHandle(row);
            if (!_attributedSpecs.Contains(handle))
            {
                CheckTypeHandle(module, handle, SignatureGenericContext.Empty);
            }
        }

        for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            MethodSpecificationHandle handle = MetadataTokens.MethodSpecificationHandle(row);
            if (!_attributedSpecs.Contains(handle))
            {
                CheckReference(module, handle, SignatureGenericContext.Empty);
            }
        }
    }

    private string MethodName(EntityHandle method, SignatureGenericContext context)
    {
        if (method.Kind == HandleKind.MethodDefinition)
        {
            MethodDefinition definition = _md.GetMethodDefinition((MethodDefinitionHandle)method);
            return MetadataNames.Type(_md, definition.GetDeclaringType()) + "." + _md.GetString(definition.Name);
        }

        MemberReference reference = _md.GetMemberReference((MemberReferenceHandle)method);
        string parent = new SignatureShapeProvider(_md).NameOf(reference.Parent, context);
        return parent + "." + _md.GetString(reference.Name);
    }
}
