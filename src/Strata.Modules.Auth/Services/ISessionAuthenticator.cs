namespace Strata.Modules.Auth.Services;

/// <summary>Turns a bearer token into the request's session (hashed lookup; sliding renewal).</summary>
public interface ISessionAuthenticator
{
    /// <summary>
    /// The active session of <paramref name="token"/>, or null when it is unknown, revoked or expired. A session this
    /// instance found live within <c>Strata:Auth:SessionCacheDuration</c> is answered from memory, so a revocation made
    /// on another instance takes effect here within that duration; one made here, at once.
    /// </summary>
    Task<AuthenticatedSession?> AuthenticateAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Revokes the user's session <paramref name="sessionId"/> (sign-out).</summary>
    Task SignOutAsync(Guid userId, Guid sessionId, ClientInfo client, CancellationToken cancellationToken = default);
}
