using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// One-time codes mailed to a user (email verification, password reset): issued as a hash, replacing older open ones,
/// and consumed once.
/// </summary>
internal sealed class VerificationTokens(
    VerificationRepository verifications, ISecretTokenSource secrets, IAuditTrail audit, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>The purpose of email-verification codes.</summary>
    public const string EmailVerificationPurpose = "email_verification";

    /// <summary>The purpose of password-reset codes.</summary>
    public const string PasswordResetPurpose = "password_reset";

    /// <summary>How long a code stays valid.</summary>
    public TimeSpan Lifetime => options.Value.VerificationLifetime;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new code for <paramref name="user"/>, replacing their open ones of this purpose; audited.</summary>
    public async Task<string> IssueAsync(string purpose, User user, CancellationToken cancellationToken)
    {
        var identifier = user.PublicId.ToString();
        await verifications.ConsumeOpenAsync(purpose, identifier, Now, cancellationToken);
        var secret = secrets.New();
        await verifications.AddAsync(new Verification
        {
            Purpose = purpose,
            Identifier = identifier,
            TokenHash = secrets.Hash(secret),
            ExpiresAt = Now + Lifetime,
        }, cancellationToken);
        await audit.RecordAsync(AuditActions.TokenCreated, user.PublicId, AuditTargets.User(user.PublicId), AuditOutcomes.Success, ClientInfo.None, cancellationToken,
            ("purpose", purpose));
        return secret;
    }

    /// <summary>
    /// The work of <see cref="IssueAsync"/> for an address without an account, so neither time nor commands tell the
    /// two apart: the same secret made and hashed, and a command for each of the real path's — the UPDATE consuming
    /// open codes (for an identifier no user has, so it matches nothing), the code's INSERT (the same no-op UPDATE) and
    /// the audit row (a true record of a refused request). Writes no code: a stand-in row would be junk in a table
    /// people read. Returns the secret, unused, for the caller's matching mail work.
    /// </summary>
    public async Task<string> IssueToNobodyAsync(string purpose, ClientInfo client, CancellationToken cancellationToken)
    {
        await StandInWriteAsync(purpose, cancellationToken);
        var secret = secrets.New();
        _ = secrets.Hash(secret);
        await StandInWriteAsync(purpose, cancellationToken);
        await audit.RecordAsync(AuditActions.TokenCreated, null, null, AuditOutcomes.Failure, client, cancellationToken,
            ("purpose", purpose), ("reason", "unknown_user"));
        return secret;
    }

    /// <summary>One command that changes nothing, standing in for a write the real path makes.</summary>
    public Task StandInWriteAsync(string purpose, CancellationToken cancellationToken) =>
        verifications.ConsumeOpenAsync(purpose, Guid.NewGuid().ToString(), Now, cancellationToken);

    /// <summary>Consumes the code; 400 <c>auth.invalid_token</c> when unknown, 410 <c>auth.token_used</c> / <c>auth.token_expired</c>.</summary>
    public async Task<Verification> ConsumeAsync(string purpose, string token, CancellationToken cancellationToken)
    {
        var claim = await verifications.ClaimAsync(purpose, secrets.Hash(token), identifier: null, Now, cancellationToken);
        return claim.Outcome switch
        {
            VerificationClaimOutcome.Claimed => claim.Verification!,
            VerificationClaimOutcome.Used => throw new GoneError("auth.token_used", "The token was already used or replaced by a newer one."),
            VerificationClaimOutcome.Expired => throw new GoneError("auth.token_expired", "The token has expired; ask for a new one."),
            _ => throw InvalidToken(),
        };
    }

    /// <summary>
    /// The answer to a token that cannot be used: unknown, or — when its user was deleted after it was sent — naming
    /// nobody (the same 400, so a token does not tell whether its account still exists).
    /// </summary>
    public static ValidationError InvalidToken() => new("auth.invalid_token", "token", "The token is not valid.");
}
