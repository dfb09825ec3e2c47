using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Data.Security;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>Issues, authenticates (with sliding renewal), lists and revokes sessions.</summary>
internal sealed class SessionService(
    DatabaseSession database, SessionRepository sessions, UserRepository users, IAuditTrail audit, IOptions<AuthOptions> options, TimeProvider clock)
    : ISessionAuthenticator, IUserSessions
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
        await audit.RecordAsync(AuditActions.TokenCreated, user.PublicId, $"session:{session.PublicId}", AuditOutcomes.Success, client, cancellationToken);
        return new SessionToken(token, session.ExpiresAt);
    }

    public async Task<AuthenticatedSession?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        // A plain read: most requests need no renewal, and a unit of work would take SQLite's write lock for nothing.
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await sessions.FindActiveByTokenHashAsync(SecretTokens.Hash(token), now, cancellationToken);
        if (session is null)
        {
            return null;
        }

        // Renew at most once per interval, so reads do not all turn into writes.
        var expiresAt = session.ExpiresAt;
        if (now - session.LastUsedAt >= Settings.SessionRenewalInterval)
        {
            expiresAt = now + Settings.SessionLifetime;
            await database.InTransactionAsync(cancel => sessions.RenewAsync(session.Id, now, expiresAt, cancel), cancellationToken: cancellationToken);
        }

        return new AuthenticatedSession(UserDto.From(session.User!), session.PublicId, expiresAt);
    }

    public Task SignOutAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default) =>
        RevokeSessionAsync(userId, sessionId, client, cancellationToken);

    public async Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken = default)
    {
        var id = await users.FindIdAsync(userId, cancellationToken) ?? throw NotFoundError.For("user", userId);
        var active = await sessions.ListActiveAsync(id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return [.. active.Select(s => new SessionInfo(s.PublicId, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Ip, s.UserAgent, s.PublicId == currentSessionId))];
    }

    public Task RevokeSessionAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default) =>
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
            await audit.RecordAsync(AuditActions.TokenRevoked, userId, $"session:{sessionId}", AuditOutcomes.Success, client, token);
        }, cancellationToken: cancellationToken);
}
