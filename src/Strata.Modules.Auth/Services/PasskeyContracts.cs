using System.Text.Json;

namespace Strata.Modules.Auth.Services;

/// <summary>One of a user's passkeys, as its owner sees it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">The owner's name for it.</param>
/// <param name="CredentialId">The WebAuthn credential id, base64url (what the browser calls <c>id</c>).</param>
/// <param name="Transports">How the authenticator is reached (<c>internal</c>, <c>usb</c>, <c>hybrid</c>, …).</param>
/// <param name="BackupEligible">Whether it may be synced between devices.</param>
/// <param name="BackedUp">Whether it is synced now.</param>
/// <param name="Aaguid">The authenticator model, when it says.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="LastUsedAt">When it last signed in, if ever.</param>
public sealed record PasskeyDto(
    Guid Id, string Name, string CredentialId, IReadOnlyList<string> Transports, bool BackupEligible, bool BackedUp, Guid? Aaguid,
    DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>
/// The first half of a WebAuthn ceremony: options for <c>navigator.credentials.create()</c> or <c>.get()</c>, and the
/// id that finishes it. The ceremony's state stays on the server; the id is single-use and expires.
/// </summary>
/// <param name="CeremonyId">Send it back with the authenticator's answer.</param>
/// <param name="ExpiresAt">When the ceremony can no longer be finished.</param>
/// <param name="Options">WebAuthn options in their JSON form (<c>PublicKeyCredentialCreationOptionsJSON</c> or <c>…RequestOptionsJSON</c>).</param>
public sealed record PasskeyCeremony(string CeremonyId, DateTime ExpiresAt, JsonElement Options);
