using System.Text;

namespace EdgeCity.HardwareSim.Chips.Vl53l0x;

/// <summary>
/// The VL53L0X's factory NVM as the ST API reads it on page 7: write a word address to 94h, strobe 83h, read the
/// 32-bit word at 90h–93h. Holds the reference SPAD count and type, the module id, part UID, product id string
/// (18 seven-bit characters packed MSB first over words 77h–7Ah) and the factory signal-rate/offset references.
/// </summary>
internal sealed class Vl53l0xNvm
{
    private readonly Dictionary<byte, uint> _words = [];

    public Vl53l0xNvm(Random random)
    {
        // 6Bh: SPAD info in the third byte (read at 92h): bit 7 aperture type, bits 6:0 reference SPAD count.
        _words[0x6B] = 0x0000_8500;
        _words[0x02] = 0x0100_0000; // module id 1
        _words[0x7B] = (uint)random.Next() & 0xFF00_0000;
        _words[0x7C] = (uint)random.Next() & 0xFF00_0000;
        _words[0x73] = 0x0000_0016; // signal rate reference (fixed point, low byte then high byte of the next word)
        _words[0x74] = 0x8000_0000;
        _words[0x75] = 0x0000_0001; // 400 mm distance reference, fix point 4.4 mm
        _words[0x76] = 0x9000_0000;
        PackProductId("VL53L0CBV0DH/1$1");
    }

    /// <summary>The 32-bit word at NVM address <paramref name="address"/> (zero where the model holds nothing).</summary>
    public uint Word(byte address) => _words.GetValueOrDefault(address);

    private void PackProductId(string productId)
    {
        byte[] chars = new byte[18];
        Encoding.ASCII.GetBytes(productId, 0, Math.Min(productId.Length, 18), chars, 0);
        UInt128 bits = 0;
        foreach (byte c in chars)
        {
            bits = (bits << 7) | (uint)(c & 0x7F);
        }

        bits <<= 2; // 126 bits of text, left-aligned in four words
        for (int word = 0; word < 4; word++)
        {
            _words[(byte)(0x77 + word)] = (uint)(bits >> (96 - (32 * word)));
        }
    }
}
