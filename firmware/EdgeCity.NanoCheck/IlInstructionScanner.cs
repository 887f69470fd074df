using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace EdgeCity.NanoCheck;

/// <summary>
/// Walks a method body's IL instruction by instruction, reporting the instructions the nanoFramework 1.x
/// interpreter does not implement and every metadata token the body refers to.
/// </summary>
internal static class IlInstructionScanner
{
    // Every opcode of ECMA-335, keyed by its one- or two-byte encoding, for operand sizes and names.
    private static readonly FrozenDictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToFrozenDictionary(op => (ushort)op.Value);

    // The "Unsupported opcodes" block of nf-interpreter src/CLR/Core/Interpreter.cpp (1.x): executing any of
    // these raises CLR_E_UNSUPPORTED_INSTRUCTION on the device. Values: the C# that produces the instruction.
    private static readonly FrozenDictionary<ushort, string> Unsupported = new Dictionary<ushort, string>
    {
        [(ushort)OpCodes.Localloc.Value] = "from stackalloc",
        [(ushort)OpCodes.Calli.Value] = "a call through a function pointer",
        [(ushort)OpCodes.Arglist.Value] = "from __arglist",
        [(ushort)OpCodes.Mkrefany.Value] = "from __makeref",
        [(ushort)OpCodes.Refanyval.Value] = "from __refvalue",
        [(ushort)OpCodes.Refanytype.Value] = "from __reftype",
        [(ushort)OpCodes.Cpblk.Value] = "a memory block copy",
        [(ushort)OpCodes.Initblk.Value] = "a memory block initialisation",
        [(ushort)OpCodes.Jmp.Value] = "a jump to another method",
        [(ushort)OpCodes.Ckfinite.Value] = "a finite-number check",
        [(ushort)OpCodes.Readonly.Value] = "a read-only array address, from generic code",
    }.ToFrozenDictionary();

    /// <summary>
    /// Scans <paramref name="il"/>; calls <paramref name="onUnsupported"/> with the opcode name and its C# source
    /// for each unsupported instruction, and <paramref name="onToken"/> for each token operand.
    /// </summary>
    public static void Scan(BlobReader il, Action<string, string> onUnsupported, Action<EntityHandle> onToken)
    {
        while (il.RemainingBytes > 0)
        {
            ushort value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (ushort)(0xFE00 | il.ReadByte());
            }

            if (!OpCodesByValue.TryGetValue(value, out OpCode op))
            {
                throw new BadImageFormatException($"Unknown IL opcode 0x{value:X} at offset {il.Offset}.");
            }

            if (Unsupported.TryGetValue(value, out string? source))
            {
                onUnsupported(op.Name!, source);
            }

            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.ShortInlineR:
                case OperandType.InlineString:
                    il.Offset += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                case OperandType.InlineSig:
                    onToken(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                default:
                    throw new BadImageFormatException($"Unexpected operand type {op.OperandType} of '{op.Name}'.");
            }
        }
    }
}
