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
    DatabaseSession database, SessionRepository sessions, UserRepository users, SessionCache cache, IAuditTrail audit, IOptions<AuthOptions> options,
    TimeProvider clock)
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

    /// <remarks>
    /// A hit of <see cref="SessionCache"/> answers without the database; a miss reads the session (a plain read: most
    /// requests need no renewal, and a unit of work would take SQLite's write lock for nothing), renews it when due, and
    /// caches it. Unknown tokens are not cached (see <see cref="SessionCache"/>).
    /// </remarks>
    public async Task<AuthenticatedSession?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokenHash = SecretTokens.Hash(token);
        if (cache.Find(tokenHash, now) is { } cached)
        {
            return cached;
        }

        var generation = cache.Generation;
        var session = await sessions.FindActiveByTokenHashAsync(tokenHash, now, cancellationToken);
        if (session is null)
        {
            return null;
        }

        // Renew at most once per interval, so reads do not all turn into writes.
        var expiresAt = session.ExpiresAt;
        var renewedAt = session.LastUsedAt;
        if (now - session.LastUsedAt >= Settings.SessionRenewalInterval)
        {
            expiresAt = now + Settings.SessionLifetime;
            renewedAt = now;
            var renewed = await database.InTransactionAsync(cancel => sessions.RenewAsync(session.Id, now, expiresAt, cancel), cancellationToken: cancellationToken);
            if (renewed == 0)
            {
                // Revoked between the read and the renewal.
                return null;
            }
        }

        var authenticated = new AuthenticatedSession(UserDto.From(session.User!), session.PublicId, expiresAt);
        cache.Remember(tokenHash, session.UserId, authenticated, renewedAt + Settings.SessionRenewalInterval, now, generation);
        return authenticated;
    }

    public Task SignOutAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default) =>
        RevokeSessionAsync(userId, sessionId, client, cancellationToken);

    public async Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken = default)
    {
        var id = await users.FindIdAsync(userId, cancellationToken) ?? throw NotFoundError.For("user", userId);
        var active = await sessions.ListActiveAsync(id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return [.. active.Select(s => new SessionInfo(s.PublicId, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Ip, s.UserAgent, s.PublicId == currentSessionId))];
    }

    /// <remarks>The revoked session leaves this instance's cache once the unit returns; other instances' within <see cref="AuthOptions.SessionCacheDuration"/>.</remarks>
    public async Task RevokeSessionAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default)
    {
        var tokenHash = await database.InTransactionAsync(async token =>
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
            return session.TokenHash;
        }, cancellationToken: cancellationToken);
        cache.ForgetSession(tokenHash);
    }
}
