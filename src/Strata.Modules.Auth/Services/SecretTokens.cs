using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Modules.Auth.Services;

/// <summary>Bearer and one-time tokens: 256 random bits, handed out once, stored only as their SHA-256.</summary>
internal static class SecretTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
