using System.Security.Cryptography;
using System.Text;
using EdgeCity.Firmware.Configuration.Signing;

namespace EdgeCity.Firmware.Tests;

/// <summary>
/// The board's own SHA-256, HMAC and signature check (nanoFramework has no System.Security.Cryptography) against
/// .NET's implementations, on seeded random inputs of every length around the block boundaries.
/// </summary>
public class ConfigurationSignatureTests
{
    private const int Seed = 6;

    [Fact]
    public void Sha256_and_hmac_agree_with_dotnet_for_every_length_up_to_three_blocks_and_any_key_length()
    {
        var random = new Random(Seed);
        var sha = new Sha256();
        var digest = new byte[32];
        for (int length = 0; length <= 200; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            sha.Update(data, 0, length);
            sha.Finish(digest, 0);
            Assert.True(SHA256.HashData(data).AsSpan().SequenceEqual(digest), $"SHA-256 of {length} bytes (seed {Seed})");

            byte[] key = new byte[random.Next(1, 100)]; // shorter and longer than a block
            random.NextBytes(key);
            var mac = new HmacSha256(key);
            mac.Update(data, 0, length / 2);
            mac.Update(data, length / 2, length - (length / 2)); // incremental in two pieces
            mac.Finish(digest, 0);
            Assert.True(HMACSHA256.HashData(key, data).AsSpan().SequenceEqual(digest), $"HMAC of {length} bytes, key of {key.Length} (seed {Seed})");
        }
    }

    [Fact]
    public void A_signed_configuration_verifies_and_any_changed_byte_or_other_key_does_not()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        const string Body = """{"version":1,"boardId":"pk-x-001","configVersion":3,"gatewayPort":1883}""";
        byte[] payload = Sign(Body, key);
        var mac = new HmacSha256(key);
        var scratch = new byte[64];
        Assert.Equal(Body.Length - 1, ConfigurationSignature.Verify(payload, payload.Length, mac, scratch));

        for (int i = 0; i < payload.Length; i++)
        {
            byte[] tampered = (byte[])payload.Clone();
            tampered[i] ^= 0x01;
            Assert.Equal(-1, ConfigurationSignature.Verify(tampered, tampered.Length, mac, scratch));
        }

        var otherBoard = new HmacSha256(RandomNumberGenerator.GetBytes(32));
        Assert.Equal(-1, ConfigurationSignature.Verify(payload, payload.Length, otherBoard, scratch));
        byte[] unsigned = Encoding.ASCII.GetBytes(Body);
        Assert.Equal(-1, ConfigurationSignature.Verify(unsigned, unsigned.Length, mac, scratch));
    }

    [Theory]
    [InlineData("00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF", true)]
    [InlineData("00112233", false)]
    [InlineData("zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", false)]
    [InlineData("", false)]
    public void Keys_are_64_hex_digits(string hex, bool valid)
    {
        Assert.Equal(valid, ConfigurationSignature.ParseKey(hex) is not null);
    }

    /// <summary>The signer's side, written with .NET's HMAC: tag of the body, inserted before the closing brace.</summary>
    internal static byte[] Sign(string body, byte[] key)
    {
        string tag = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)));
        return Encoding.UTF8.GetBytes(body[..^1] + ",\"sig\":\"" + tag + "\"}");
    }
}
