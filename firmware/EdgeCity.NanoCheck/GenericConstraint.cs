using System.Reflection;
using System.Reflection.Metadata;

namespace EdgeCity.NanoCheck;

/// <summary>One constraint on a generic parameter, as C# writes it (<c>T : struct</c>, <c>T : System.IDisposable</c>).</summary>
/// <param name="Parameter">The generic parameter's name.</param>
/// <param name="Description">The constraint: <c>struct</c>, <c>class</c>, <c>new()</c> or a type name.</param>
/// <param name="Type">The constraint's type handle; nil for <c>struct</c>, <c>class</c> and <c>new()</c>.</param>
internal sealed record GenericConstraint(string Parameter, string Description, EntityHandle Type)
{
    public static IEnumerable<GenericConstraint> Read(MetadataReader md, IEnumerable<GenericParameterHandle> parameters)
    {
        foreach (GenericParameterHandle handle in parameters)
        {
            GenericParameter parameter = md.GetGenericParameter(handle);
            string name = md.GetString(parameter.Name);
            GenericParameterAttributes special = parameter.Attributes & GenericParameterAttributes.SpecialConstraintMask;

            // `struct` is stored as "not nullable value type" + "default constructor" + a System.ValueType constraint.
            bool isStruct = (special & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0;
            if (isStruct)
            {
                yield return new GenericConstraint(name, "struct", default);
            }
            else if ((special & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            {
                yield return new GenericConstraint(name, "class", default);
            }

            if (!isStruct && (special & GenericParameterAttributes.DefaultConstructorConstraint) != 0)
            {
                yield return new GenericConstraint(name, "new()", default);
            }

            foreach (GenericParameterConstraintHandle constraintHandle in parameter.GetConstraints())
            {
                EntityHandle type = md.GetGenericParameterConstraint(constraintHandle).Type;
                string description = MetadataNames.StripArity(
                    new SignatureShapeProvider(md).NameOf(type, SignatureGenericContext.Empty));
                if (!(isStruct && description == "System.ValueType"))
                {
                    yield return new GenericConstraint(name, description, type);
                }
            }
        }
    }
}
