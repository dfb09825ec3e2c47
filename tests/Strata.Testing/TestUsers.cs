using Strata.Data.Configuration;
using Strata.Modules.Auth.Services;

namespace Strata.Testing;

/// <summary>Users for a test to act as, made through the auth module's public services in the test's scope.</summary>
public static class TestUsers
{
    /// <summary>The password of every user the test builders sign up.</summary>
    public const string Password = "a long enough password";

    /// <summary>An email no other test uses.</summary>
    public static string NewEmail() => $"u-{Guid.NewGuid():N}@example.com";

    /// <summary>Signs up a new user with <see cref="Password"/> (and <paramref name="email"/>, or a new one); returns its id.</summary>
    public static async Task<Guid> UserAsync(this TestDatabase db, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var result = await db.Get<IPasswordSignIn>().SignUpAsync(email ?? NewEmail(), Password, "User", ClientInfo.None);
        return result.User.Id;
    }

    /// <summary>A new user whose email is verified (set directly: the verification flow is the auth module's to test).</summary>
    public static async Task<Guid> VerifiedUserAsync(this TestDatabase db, string? email = null)
    {
        var user = await db.UserAsync(email);
        await db.VerifyEmailAsync(user);
        return user;
    }

    /// <summary>Marks <paramref name="user"/>'s email verified, directly in the table.</summary>
    public static Task VerifyEmailAsync(this TestDatabase db, Guid user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var verified = db.Provider == DatabaseProvider.Sqlite ? "1" : "true";
        return db.ScalarAsync<long>($"UPDATE {db.Table("auth", "users")} SET email_verified = {verified} WHERE public_id = '{db.SqlId(user)}'; SELECT 1");
    }

    /// <summary>
    /// The PBKDF2 iteration count of <paramref name="user"/>'s stored password hash (ASP.NET Core Identity's V3 format:
    /// a 0x01 marker, the PRF, then the iteration count as a big-endian 32-bit number).
    /// </summary>
    public static async Task<int> PasswordIterationsAsync(this TestDatabase db, Guid user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hash = await db.ScalarAsync<string>(
            $"SELECT a.password_hash FROM {db.Table("auth", "accounts")} a JOIN {db.Table("auth", "users")} u ON u.id = a.user_id WHERE u.public_id = '{db.SqlId(user)}'");
        return PasswordIterations(hash);
    }

    /// <summary>The PBKDF2 iteration count of an Identity V3 password hash.</summary>
    public static int PasswordIterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        if (bytes.Length < 9 || bytes[0] != 0x01)
        {
            throw new FormatException("Not an ASP.NET Core Identity V3 password hash.");
        }

        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
