namespace Strata.Modules.Auth.Services;

/// <summary>A signed-in user's sessions: the list of them, and revoking one.</summary>
public interface IUserSessions
{
    /// <summary>The user's active sessions, newest first; <paramref name="currentSessionId"/> is marked current.</summary>
    Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the user's sessions (<c>auth.session_not_found</c> 404 for anyone else's).</summary>
    Task RevokeSessionAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default);
}
