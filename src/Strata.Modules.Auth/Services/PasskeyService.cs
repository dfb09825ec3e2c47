using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Data.Security;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed partial class PasskeyService(
    DatabaseSession database,
    UserRepository users,
    PasskeyRepository passkeys,
    VerificationRepository verifications,
    IPasskeyHandler<User> handler,
    SessionService sessionService,
    IAuditTrail audit,
    IOptions<PasskeyOptions> options,
    TimeProvider clock,
    ILogger<PasskeyService> logger) : IPasskeyService
{
    internal const string RegistrationPurpose = "passkey_registration";
    internal const string SignInPurpose = "passkey_sign_in";

    /// <summary>Expired ceremonies are kept this long, so a late answer still hears "expired" rather than "unknown".</summary>
    private static readonly TimeSpan ExpiredCeremonyRetention = TimeSpan.FromDays(1);

    private static readonly UnauthorizedError InvalidPasskey = new("auth.invalid_credentials", "The passkey could not be verified.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<PasskeyDto>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var id = await users.FindIdAsync(userId, cancellationToken) ?? throw NotFoundError.For("user", userId);
        return [.. (await passkeys.ListForUserAsync(id, cancellationToken)).Select(ToDto)];
    }

    public Task<PasskeyCeremony> BeginRegistrationAsync(Guid userId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var user = await users.GetByPublicIdAsync(userId, token);
            var entity = new PasskeyUserEntity { Id = user.PublicId.ToString(), Name = user.Email, DisplayName = user.Name };
            var creation = await handler.MakeCreationOptionsAsync(entity, DetachedRequest());
            return await IssueCeremonyAsync(RegistrationPurpose, entity.Id, creation.CreationOptionsJson, creation.AttestationState, token);
        }, cancellationToken: cancellationToken);

    public async Task<PasskeyDto> CompleteRegistrationAsync(
        Guid userId, string ceremonyId, string credentialJson, string? name, ClientInfo client, CancellationToken cancellationToken = default)
    {
        // The unit commits on refusal too: a ceremony is spent by its first answer, whatever the verdict.
        var (registered, refusal) = await database.InTransactionAsync<(PasskeyDto? Passkey, StrataError? Refusal)>(async token =>
        {
            var claim = await verifications.ClaimAsync(RegistrationPurpose, SecretTokens.Hash(ceremonyId), userId.ToString(), Now, token);
            if (CeremonyRefusal(claim) is { } ceremonyRefusal)
            {
                return (null, ceremonyRefusal);
            }

            var attestation = await handler.PerformAttestationAsync(new PasskeyAttestationContext
            {
                HttpContext = DetachedRequest(),
                CredentialJson = credentialJson,
                AttestationState = claim.Verification!.Payload,
            });
            if (!attestation.Succeeded)
            {
                LogRefusedRegistration(logger, attestation.Failure.Message);
                return (null, new ValidationError("auth.passkey_invalid", "credential", $"The passkey could not be registered: {attestation.Failure.Message}"));
            }

            var user = await users.GetByPublicIdAsync(userId, token);
            attestation.Passkey.Name = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim();
            var row = await passkeys.AddAsync(PasskeyUserStore.ToEntity(user.Id, attestation.Passkey), token);
            await audit.RecordAsync(AuditActions.PasskeyAdded, user.PublicId, $"passkey:{row.PublicId}", AuditOutcomes.Success, client, token, ("name", row.Name));
            return (ToDto(row), null);
        }, cancellationToken: cancellationToken);
        return registered ?? throw refusal!;
    }

    public Task<PasskeyCeremony> BeginSignInAsync(CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            // No user yet: the authenticator offers its discoverable credentials and names the user in its answer.
            var request = await handler.MakeRequestOptionsAsync(null, DetachedRequest());
            return await IssueCeremonyAsync(SignInPurpose, string.Empty, request.RequestOptionsJson, request.AssertionState, token);
        }, cancellationToken: cancellationToken);

    public async Task<AuthResult> CompleteSignInAsync(string ceremonyId, string credentialJson, ClientInfo client, CancellationToken cancellationToken = default)
    {
        // As with passwords, the unit commits on refusal: the spent ceremony and the failure's audit row must survive the 401.
        var (signedIn, refusal) = await database.InTransactionAsync<(AuthResult? Result, StrataError? Refusal)>(async token =>
        {
            var claim = await verifications.ClaimAsync(SignInPurpose, SecretTokens.Hash(ceremonyId), identifier: null, Now, token);
            if (CeremonyRefusal(claim) is { } ceremonyRefusal)
            {
                await AuditSignInFailureAsync(null, ceremonyRefusal.Code, client, token);
                return (null, ceremonyRefusal);
            }

            var assertion = await handler.PerformAssertionAsync(new PasskeyAssertionContext
            {
                HttpContext = DetachedRequest(),
                CredentialJson = credentialJson,
                AssertionState = claim.Verification!.Payload,
            });
            if (!assertion.Succeeded)
            {
                LogRefusedSignIn(logger, assertion.Failure.Message);
                await AuditSignInFailureAsync(null, "assertion_invalid", client, token);
                return (null, InvalidPasskey);
            }

            var user = assertion.User;
            var passkey = assertion.Passkey;
            if (!await passkeys.RecordUseAsync(user.Id, passkey.CredentialId, passkey.SignCount, passkey.IsBackedUp, Now, token))
            {
                // A concurrent sign-in already recorded this counter value: the same signature was used twice.
                await AuditSignInFailureAsync(user.PublicId, "sign_count", client, token);
                return (null, InvalidPasskey);
            }

            await audit.RecordAsync(AuditActions.LoginSuccess, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Success, client, token, ("method", "passkey"));
            return (new AuthResult(UserDto.From(user), await sessionService.CreateAsync(user, client, token)), null);
        }, cancellationToken: cancellationToken);
        return signedIn ?? throw refusal!;
    }

    public Task<PasskeyDto> RenameAsync(Guid userId, Guid passkeyId, string name, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var row = await FindOwnedAsync(userId, passkeyId, token);
            row.Name = name.Trim();
            await passkeys.UpdateAsync(row, token);
            return ToDto(row);
        }, cancellationToken: cancellationToken);

    public Task DeleteAsync(Guid userId, Guid passkeyId, ClientInfo client, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var row = await FindOwnedAsync(userId, passkeyId, token);
            await passkeys.RemoveAsync(row, token);
            await audit.RecordAsync(AuditActions.PasskeyRemoved, userId, $"passkey:{row.PublicId}", AuditOutcomes.Success, client, token, ("name", row.Name));
        }, cancellationToken: cancellationToken);

    private static PasskeyDto ToDto(Passkey row) => new(
        row.PublicId, row.Name, Base64Url.EncodeToString(row.CredentialId), row.Transports, row.BackupEligible, row.BackedUp, row.Aaguid,
        row.CreatedAt, row.LastUsedAt);

    /// <summary>
    /// Identity's handler reads the HTTP request only for the relying-party id and the origin check, which Strata sets
    /// from configuration (<see cref="PasskeyOptions"/>); a detached request keeps HTTP out of the service layer.
    /// </summary>
    private static DefaultHttpContext DetachedRequest() => new();

    private static StrataError? CeremonyRefusal(VerificationClaim claim) => claim.Outcome switch
    {
        VerificationClaimOutcome.Claimed => null,
        VerificationClaimOutcome.Used => new GoneError("auth.ceremony_used", "This passkey ceremony was already answered; start a new one."),
        VerificationClaimOutcome.Expired => new GoneError("auth.ceremony_expired", "This passkey ceremony has expired; start a new one."),
        _ => new ValidationError("auth.ceremony_invalid", "ceremonyId", "The ceremony id is not valid."),
    };

    private async Task<PasskeyCeremony> IssueCeremonyAsync(string purpose, string identifier, string optionsJson, string? state, CancellationToken cancellationToken)
    {
        var now = Now;
        await verifications.DeleteExpiredAsync(purpose, now - ExpiredCeremonyRetention, cancellationToken);
        var ceremonyId = SecretTokens.New();
        var expiresAt = now + options.Value.CeremonyLifetime;
        await verifications.AddAsync(new Verification
        {
            Purpose = purpose,
            Identifier = identifier,
            TokenHash = SecretTokens.Hash(ceremonyId),
            ExpiresAt = expiresAt,
            Payload = state,
        }, cancellationToken);
        using var document = JsonDocument.Parse(optionsJson);
        return new PasskeyCeremony(ceremonyId, expiresAt, document.RootElement.Clone());
    }

    private async Task<Passkey> FindOwnedAsync(Guid userId, Guid passkeyId, CancellationToken cancellationToken)
    {
        var id = await users.FindIdAsync(userId, cancellationToken);
        return (id is null ? null : await passkeys.FindForUpdateAsync(id.Value, passkeyId, cancellationToken)) ?? throw NotFoundError.For("passkey", passkeyId);
    }

    private Task AuditSignInFailureAsync(Guid? actor, string reason, ClientInfo client, CancellationToken cancellationToken) =>
        audit.RecordAsync(AuditActions.LoginFail, actor, actor is { } user ? AuditTargets.User(user) : null, AuditOutcomes.Failure, client, cancellationToken,
            ("method", "passkey"), ("reason", reason));

    [LoggerMessage(Level = LogLevel.Information, Message = "Passkey registration refused: {Reason}")]
    private static partial void LogRefusedRegistration(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passkey sign-in refused: {Reason}")]
    private static partial void LogRefusedSignIn(ILogger logger, string reason);
}
