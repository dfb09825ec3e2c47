using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Data.Events;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>Issues, authenticates (with sliding renewal) and revokes sessions.</summary>
internal sealed class SessionService(
    DatabaseSession database, SessionRepository sessions, UserRepository users, IDomainEventPublisher events, IOptions<AuthOptions> options, TimeProvider clock)
    : ISessionAuthenticator
{
    private AuthOptions Settings => options.Value;

    /// <summary>Creates a session for <paramref name="user"/> in the current unit and audits it.</summary>
    public async Task<SessionToken> CreateAsync(User user, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecretTokens.New();
        var session = await sessions.AddAsync(new Session
        {
            UserId = user.Id,
            TokenHash = SecretTokens.Hash(token),
            ExpiresAt = now + Settings.SessionLifetime,
            LastUsedAt = now,
            Ip = client.Ip,
            UserAgent = client.UserAgent is { Length: > 512 } agent ? agent[..512] : client.UserAgent,
        }, cancellationToken);
        await events.PublishAsync(new AuditEvent(AuditActions.TokenCreated, user.PublicId, $"session:{session.PublicId}", AuditOutcomes.Success,
            client.Ip, client.UserAgent), cancellationToken);
        return new SessionToken(token, session.ExpiresAt);
    }

    public Task<AuthenticatedSession?> AuthenticateAsync(string token, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async cancel =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var session = await sessions.FindActiveByTokenHashAsync(SecretTokens.Hash(token), now, cancel);
            if (session is null)
            {
                return null;
            }

            // Renew at most once per interval: a write per request would turn every read into a write.
            if (now - session.LastUsedAt >= Settings.SessionRenewalInterval)
            {
                session.LastUsedAt = now;
                session.ExpiresAt = now + Settings.SessionLifetime;
            }

            return new AuthenticatedSession(AuthService.ToDto(session.User!), session.PublicId, session.ExpiresAt);
        }, cancellationToken: cancellationToken);

    public Task SignOutAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default) =>
        RevokeAsync(userId, sessionId, client, cancellationToken);

    /// <summary>Revokes one live session of the user.</summary>
    public Task RevokeAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var owner = await users.FindIdAsync(userId, token);
            var session = owner is null ? null : await sessions.FindActiveForUpdateAsync(owner.Value, sessionId, now, token);
            if (session is null)
            {
                throw new NotFoundError("auth.session_not_found", $"No active session has the id {sessionId}.");
            }

            session.RevokedAt = now;
            await events.PublishAsync(new AuditEvent(AuditActions.TokenRevoked, userId, $"session:{sessionId}", AuditOutcomes.Success,
                client.Ip, client.UserAgent), token);
        }, cancellationToken: cancellationToken);
}
