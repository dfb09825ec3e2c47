using System.Formats.Cbor;
using Microsoft.AspNetCore.Identity;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// The Identity store <see cref="UserManager{TUser}"/> needs for Identity's passkey handler, over the auth module's
/// <c>users</c> and <c>passkeys</c> tables, in the scope's unit of work. Users are created, renamed and deleted by
/// <see cref="IPasswordSignIn"/> and <see cref="IUserAdministration"/>, which keep Strata's rules (audit, events,
/// normalisation); the store refuses those writes instead of bypassing them.
/// </summary>
internal sealed class PasskeyUserStore(UserRepository users, PasskeyRepository passkeys) : IUserPasskeyStore<User>
{
    private const string UserWritesElsewhere =
        "Strata's users are created, renamed and deleted through IPasswordSignIn and IUserAdministration; this store serves passkeys.";

    public async Task<User?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var publicId) ? await users.FindByPublicIdAsync(publicId, cancellationToken) : null;

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        users.FindByEmailAsync(normalizedUserName, cancellationToken);

    public Task<string> GetUserIdAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.PublicId.ToString());

    public Task<string?> GetUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetUserNameAsync(User user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException(UserWritesElsewhere);

    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken cancellationToken) =>
        throw new NotSupportedException(UserWritesElsewhere);

    public Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken) => throw new NotSupportedException(UserWritesElsewhere);

    public Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken) => throw new NotSupportedException(UserWritesElsewhere);

    public Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken) => throw new NotSupportedException(UserWritesElsewhere);

    public async Task AddOrUpdatePasskeyAsync(User user, UserPasskeyInfo passkey, CancellationToken cancellationToken)
    {
        var row = await passkeys.FindForUpdateAsync(user.Id, passkey.CredentialId, cancellationToken);
        if (row is null)
        {
            await passkeys.AddAsync(ToEntity(user.Id, passkey), cancellationToken);
            return;
        }

        row.SignCount = passkey.SignCount;
        row.BackedUp = passkey.IsBackedUp;
        row.UserVerified = passkey.IsUserVerified;
        row.Name = passkey.Name ?? row.Name;
        await passkeys.UpdateAsync(row, cancellationToken);
    }

    public async Task<IList<UserPasskeyInfo>> GetPasskeysAsync(User user, CancellationToken cancellationToken) =>
        [.. (await passkeys.ListForUserAsync(user.Id, cancellationToken)).Select(ToInfo)];

    public Task<User?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        users.FindByPasskeyAsync(credentialId, cancellationToken);

    public async Task<UserPasskeyInfo?> FindPasskeyAsync(User user, byte[] credentialId, CancellationToken cancellationToken) =>
        await passkeys.FindForUserAsync(user.Id, credentialId, cancellationToken) is { } row ? ToInfo(row) : null;

    public Task RemovePasskeyAsync(User user, byte[] credentialId, CancellationToken cancellationToken) =>
        passkeys.DeleteAsync(user.Id, credentialId, cancellationToken);

    public void Dispose()
    {
        // The repositories' context belongs to the scope's database session, which disposes it.
    }

    /// <summary>A new row for a credential Identity's handler verified.</summary>
    internal static Passkey ToEntity(long userId, UserPasskeyInfo passkey) => new()
    {
        UserId = userId,
        CredentialId = passkey.CredentialId,
        PublicKey = passkey.PublicKey,
        SignCount = passkey.SignCount,
        Transports = passkey.Transports ?? [],
        BackupEligible = passkey.IsBackupEligible,
        BackedUp = passkey.IsBackedUp,
        UserVerified = passkey.IsUserVerified,
        Aaguid = ReadAaguid(passkey.AttestationObject),
        Name = passkey.Name ?? "Passkey",
        AttestationObject = passkey.AttestationObject,
        ClientDataJson = passkey.ClientDataJson,
    };

    private static UserPasskeyInfo ToInfo(Passkey row) => new(
        credentialId: row.CredentialId,
        publicKey: row.PublicKey,
        createdAt: new DateTimeOffset(row.CreatedAt, TimeSpan.Zero),
        signCount: (uint)row.SignCount,
        transports: row.Transports,
        isUserVerified: row.UserVerified,
        isBackupEligible: row.BackupEligible,
        isBackedUp: row.BackedUp,
        attestationObject: row.AttestationObject,
        clientDataJson: row.ClientDataJson)
    {
        Name = row.Name,
    };

    /// <summary>
    /// The AAGUID from the attested credential data. Identity 10 verifies the attestation object but does not expose
    /// this field, so it is read (not verified) here: the CBOR map's <c>authData</c>, bytes 37–52, after the RP id hash
    /// (32), flags (1) and counter (4).
    /// </summary>
    private static Guid? ReadAaguid(byte[] attestationObject)
    {
        const int aaguidOffset = 37;
        try
        {
            var reader = new CborReader(attestationObject);
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                if (reader.ReadTextString() != "authData")
                {
                    reader.SkipValue();
                    continue;
                }

                var authenticatorData = reader.ReadByteString();
                return authenticatorData.Length >= aaguidOffset + 16 ? new Guid(authenticatorData.AsSpan(aaguidOffset, 16), bigEndian: true) : null;
            }
        }
        catch (CborContentException)
        {
            // Verified by Identity before it reaches the store; a shape this reader does not expect only loses the model id.
        }

        return null;
    }
}
