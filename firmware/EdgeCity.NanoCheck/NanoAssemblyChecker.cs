using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeCity.NanoCheck;

/// <summary>
/// Reads an assembly compiled against nanoFramework's mscorlib and lists what the nanoFramework 1.x runtime
/// cannot run although that mscorlib let it compile: generic definitions, constraints and instantiations,
/// multidimensional arrays, function pointers, varargs, ref structs, default and static-virtual interface members,
/// <c>dynamic</c>, and the IL instructions the 1.x interpreter does not implement (<c>stackalloc</c>'s
/// <c>localloc</c>, <c>calli</c>, <c>__makeref</c>…). Each violation names the type or member that holds it,
/// and its source line when a portable PDB is at hand.
/// </summary>
public sealed partial class NanoAssemblyChecker
{
    private readonly PEReader _pe;
    private readonly MetadataReader _md;
    private readonly SourceLocator _locator;
    private readonly List<NanoViolation> _violations = [];
    private readonly HashSet<(EntityHandle Member, string Problem)> _reported = [];
    private readonly HashSet<EntityHandle> _attributedSpecs = [];

    private NanoAssemblyChecker(PEReader pe, MetadataReader? pdb)
    {
        _pe = pe;
        _md = pe.GetMetadataReader();
        _locator = new SourceLocator(_md, pdb);
    }

    /// <summary>Checks the assembly at <paramref name="assemblyPath"/>, using its portable PDB (beside it or embedded) for source lines.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static IReadOnlyList<NanoViolation> CheckFile(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReaderProvider? pdbProvider = null;
        try
        {
            pe.TryOpenAssociatedPortablePdb(
                assemblyPath, path => File.Exists(path) ? File.OpenRead(path) : null, out pdbProvider, out _);
            return new NanoAssemblyChecker(pe, pdbProvider?.GetMetadataReader()).Run();
        }
        finally
        {
            pdbProvider?.Dispose();
        }
    }

    /// <summary>Checks an assembly image, e.g. one just emitted in memory; <paramref name="portablePdb"/> adds source lines.</summary>
    /// <exception cref="BadImageFormatException">The image is not a .NET assembly.</exception>
    public static IReadOnlyList<NanoViolation> Check(Stream peImage, Stream? portablePdb = null)
    {
        using var pe = new PEReader(peImage, PEStreamOptions.LeaveOpen);
        using MetadataReaderProvider? pdbProvider = portablePdb is null
            ? null
            : MetadataReaderProvider.FromPortablePdbStream(portablePdb, MetadataStreamOptions.LeaveOpen);
        return new NanoAssemblyChecker(pe, pdbProvider?.GetMetadataReader()).Run();
    }

    private List<NanoViolation> Run()
    {
        foreach (TypeDefinitionHandle type in _md.TypeDefinitions)
        {
            CheckType(type);
        }

        CheckUnattributedSpecifications();
        return
        [
            .. _violations
                .OrderBy(violation => violation.SourcePath is null)
                .ThenBy(violation => violation.SourcePath, StringComparer.Ordinal)
                .ThenBy(violation => violation.Line)
                .ThenBy(violation => violation.Column),
        ];
    }

    private void CheckType(TypeDefinitionHandle handle)
    {
        TypeDefinition type = _md.GetTypeDefinition(handle);
        var context = new SignatureGenericContext(ParameterNames(type.GetGenericParameters()), []);

        if (OwnGenericParameters(type) is { Length: > 0 } own)
        {
            Report(handle, NanoRules.GenericType);
            CheckConstraints(handle, own);
        }

        if (MetadataNames.HasAttribute(_md, type.GetCustomAttributes(), "System.Runtime.CompilerServices.IsByRefLikeAttribute"))
        {
            Report(handle, NanoRules.RefStruct);
        }

        CheckTypeHandle(handle, type.BaseType, context);
        foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
        {
            CheckTypeHandle(handle, _md.GetInterfaceImplementation(implementation).Interface, context);
        }

        foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
        {
            FieldDefinition field = _md.GetFieldDefinition(fieldHandle);
            var provider = new SignatureShapeProvider(_md);
            field.DecodeSignature(provider, context);
            ReportAll(fieldHandle, provider.Findings);
            if (MetadataNames.HasAttribute(_md, field.GetCustomAttributes(), "System.Runtime.CompilerServices.DynamicAttribute"))
            {
                Report(fieldHandle, NanoRules.Dynamic);
            }
        }

        bool isInterface = (type.Attributes & TypeAttributes.ClassSemanticsMask) == TypeAttributes.Interface;
        foreach (MethodDefinitionHandle method in type.GetMethods())
        {
            CheckMethod(method, isInterface, context);
        }
    }

    private void CheckMethod(MethodDefinitionHandle handle, bool inInterface, SignatureGenericContext typeContext)
    {
        MethodDefinition method = _md.GetMethodDefinition(handle);
        GenericParameterHandleCollection genericParameters = method.GetGenericParameters();
        var context = typeContext with { MethodParameters = ParameterNames(genericParameters) };

        if (genericParameters.Count > 0)
        {
            Report(handle, NanoRules.GenericMethod);
            CheckConstraints(handle, [.. genericParameters]);
        }

        var provider = new SignatureShapeProvider(_md);
        MethodSignature<string> signature = method.DecodeSignature(provider, context);
        ReportAll(handle, provider.Findings);
        if (signature.Header.CallingConvention == SignatureCallingConvention.VarArgs)
        {
            Report(handle, NanoRules.VarArgs);
        }

        foreach (ParameterHandle parameter in method.GetParameters())
        {
            if (MetadataNames.HasAttribute(_md, _md.GetParameter(parameter).GetCustomAttributes(), "System.Runtime.CompilerServices.DynamicAttribute"))
            {
                Report(handle, NanoRules.Dynamic);
            }
        }

        if (inInterface)
        {
            CheckInterfaceMember(handle, method.Attributes);
        }

        if (method.RelativeVirtualAddress != 0)
        {
            CheckBody(handle, _pe.GetMethodBody(method.RelativeVirtualAddress), context);
        }
    }

    private void CheckInterfaceMember(MethodDefinitionHandle handle, MethodAttributes attributes)
    {
        bool isStatic = (attributes & MethodAttributes.Static) != 0;
        bool isAbstract = (attributes & MethodAttributes.Abstract) != 0;
        bool isVirtual = (attributes & MethodAttributes.Virtual) != 0;

        if (isStatic && (isAbstract || isVirtual))
        {
            Report(handle, NanoRules.StaticVirtualInterfaceMember);
        }
        else if (!isAbstract)
        {
            Report(handle, NanoRules.DefaultInterfaceMember);
        }
    }

    private void CheckBody(MethodDefinitionHandle handle, MethodBodyBlock body, SignatureGenericContext context)
    {
        if (!body.LocalSignature.IsNil)
        {
            var provider = new SignatureShapeProvider(_md);
            _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, context);
            ReportAll(handle, provider.Findings);
        }

        foreach (ExceptionRegion region in body.ExceptionRegions)
        {
            CheckTypeHandle(handle, region.CatchType, context);
        }

        IlInstructionScanner.Scan(
            body.GetILReader(),
            (opcode, source) => Report(handle, NanoRules.UnsupportedInstruction(opcode, source)),
            token => CheckReference(handle, token, context));
    }

    private void CheckConstraints(EntityHandle owner, IEnumerable<GenericParameterHandle> parameters)
    {
        foreach (GenericConstraint constraint in GenericConstraint.Read(_md, parameters))
        {
            if (!constraint.Type.IsNil)
            {
                _attributedSpecs.Add(constraint.Type);
            }

            Report(owner, NanoRules.GenericConstraint(constraint.Parameter, constraint.Description));
        }
    }

    // A nested type repeats the generic parameters of the types around it; its own are the last `arity` ones.
    private GenericParameterHandle[] OwnGenericParameters(TypeDefinition type)
    {
        int arity = MetadataNames.Arity(_md.GetString(type.Name));
        GenericParameterHandleCollection all = type.GetGenericParameters();
        return arity == 0 ? [] : [.. all.Skip(Math.Max(all.Count - arity, 0))];
    }

    private ImmutableArray<string> ParameterNames(GenericParameterHandleCollection parameters) =>
        [.. parameters.Select(parameter => MetadataNames.GenericParameterName(_md, parameter))];

    private void ReportAll(EntityHandle member, IReadOnlyList<string> problems)
    {
        foreach (string problem in problems)
        {
            Report(member, problem);
        }
    }

    private void Report(EntityHandle member, string problem)
    {
        if (!_reported.Add((member, problem)))
        {
            return;
        }

        _violations.Add(_locator.Place(new NanoViolation(MemberName(member), problem), member));
    }

    private string MemberName(EntityHandle member)
    {
        string name = RawMemberName(member);
        return name.Contains(".<", StringComparison.Ordinal) ? name + " (compiler-generated)" : name;
    }

    private string RawMemberName(EntityHandle member) => member.Kind switch
    {
        HandleKind.TypeDefinition => MetadataNames.Type(_md, (TypeDefinitionHandle)member),
        HandleKind.MethodDefinition => MetadataNames.Method(_md, (MethodDefinitionHandle)member),
        HandleKind.FieldDefinition => MetadataNames.Field(_md, (FieldDefinitionHandle)member),
        _ => _md.IsAssembly ? _md.GetString(_md.GetAssemblyDefinition().Name) : _md.GetString(_md.GetModuleDefinition().Name),
    };
}
