using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EdgeCity.HardwareSim.Imaging;

/// <summary>
/// Writes 8-bit greyscale PNG files (PNG spec, W3C 2003: IHDR colour type 0, one IDAT, filter 0 per row), enough
/// to save an emulated display's frame buffer for a person to look at. No image library needed.
/// </summary>
public static class GreyPngWriter
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Saves <paramref name="pixels"/> (row-major, 0 black … 255 white) as a PNG file.</summary>
    public static void Save(string path, int width, int height, byte[] pixels)
    {
        using var file = File.Create(path);
        Write(file, width, height, pixels);
    }

    /// <summary>Writes <paramref name="pixels"/> as a PNG stream.</summary>
    public static void Write(Stream output, int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(pixels.Length, width * height);
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(output, "IHDR", header);

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(pixels, y * width, width);
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        uint crc = Crc(Crc(0xFFFFFFFF, typeBytes), data) ^ 0xFFFFFFFF;
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        output.Write(crcBytes);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (byte b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
