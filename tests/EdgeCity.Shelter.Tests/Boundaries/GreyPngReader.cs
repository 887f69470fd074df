using System.Buffers.Binary;
using System.IO.Compression;

namespace EdgeCity.Shelter.Tests.Boundaries;

/// <summary>
/// Reads back an 8-bit greyscale, non-interlaced PNG (what <c>GreyPngWriter</c> saves), independently of the
/// writer: chunks, IDAT inflated with zlib, the five scanline filters undone (PNG specification, section 9).
/// </summary>
internal static class GreyPngReader
{
    public static (int Width, int Height, byte[] Pixels) Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        Assert.True(file.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), $"{path}: not a PNG signature");
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at < file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.True(data[8] == 8 && data[9] == 0 && data[12] == 0, $"{path}: expected 8-bit greyscale, not interlaced");
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        byte[] raw = inflated.ToArray();
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (width + 1)];
            for (int x = 0; x < width; x++)
            {
                int a = x > 0 ? pixels[(y * width) + x - 1] : 0;
                int b = y > 0 ? pixels[((y - 1) * width) + x] : 0;
                int c = x > 0 && y > 0 ? pixels[((y - 1) * width) + x - 1] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{path}: row {y} has filter {filter} (expected 0 to 4)"),
                };
                pixels[(y * width) + x] = (byte)(raw[(y * (width + 1)) + 1 + x] + predictor);
            }
        }

        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
