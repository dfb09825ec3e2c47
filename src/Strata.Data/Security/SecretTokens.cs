using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Data.Security;

/// <summary>
/// Bearer and one-time tokens (sessions, resets, invitations, ceremonies): 256 random bits, handed out once, stored
/// only as their SHA-256, so a copy of the database holds nothing usable.
/// </summary>
public static class SecretTokens
{
    /// <summary>A new token: 32 random bytes, base64url (43 characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The token's SHA-256, lower-case hex: what is stored and looked up.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
