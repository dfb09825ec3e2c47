namespace Strata.Modules.Auth.Services;

/// <summary>
/// WebAuthn passkeys: registration by a signed-in user, sign-in without a password, and management. The ceremonies are
/// verified by ASP.NET Core Identity's passkey handler; their state is a single-use verification row on the server.
/// </summary>
public interface IPasskeyService
{
    /// <summary>The user's passkeys, oldest first.</summary>
    Task<IReadOnlyList<PasskeyDto>> ListAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Starts registering a passkey for <paramref name="userId"/>; its existing passkeys are excluded.</summary>
    Task<PasskeyCeremony> BeginRegistrationAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finishes a registration with the JSON of the credential <c>navigator.credentials.create()</c> returned. Refusals:
    /// 400 <c>auth.ceremony_invalid</c> (unknown, or started by someone else), 410 <c>auth.ceremony_used</c> /
    /// <c>auth.ceremony_expired</c>, 400 <c>auth.passkey_invalid</c> (the attestation failed verification).
    /// </summary>
    Task<PasskeyDto> CompleteRegistrationAsync(
        Guid userId, string ceremonyId, string credentialJson, string? name, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>Starts a sign-in; the authenticator offers the user's discoverable passkeys for this relying party.</summary>
    Task<PasskeyCeremony> BeginSignInAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Finishes a sign-in with the JSON of the credential <c>navigator.credentials.get()</c> returned and opens a
    /// session, audited like a password sign-in. A failed assertion is 401 <c>auth.invalid_credentials</c>; ceremony
    /// refusals as in <see cref="CompleteRegistrationAsync"/>. The ceremony is spent either way.
    /// </summary>
    Task<AuthResult> CompleteSignInAsync(string ceremonyId, string credentialJson, ClientInfo client, CancellationToken cancellationToken = default);

    /// <summary>Renames one of the user's passkeys; 404 when it is not theirs.</summary>
    Task<PasskeyDto> RenameAsync(Guid userId, Guid passkeyId, string name, CancellationToken cancellationToken = default);

    /// <summary>Removes one of the user's passkeys; 404 when it is not theirs.</summary>
    Task DeleteAsync(Guid userId, Guid passkeyId, ClientInfo client, CancellationToken cancellationToken = default);
}
