using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>A user as other modules and the API see it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Email">Email address as entered.</param>
/// <param name="Name">Display name.</param>
/// <param name="EmailVerified">Whether the address was confirmed.</param>
/// <param name="Image">Avatar URL, if any.</param>
/// <param name="CreatedAt">Sign-up time (UTC).</param>
public sealed record UserDto(Guid Id, string Email, string Name, bool EmailVerified, string? Image, DateTime CreatedAt)
{
    /// <summary>The user row as the module's services answer it.</summary>
    internal static UserDto From(User user) => new(user.PublicId, user.Email, user.Name, user.EmailVerified, user.Image, user.CreatedAt);
}

/// <summary>A new session's bearer token — shown once, never stored.</summary>
/// <param name="Token">The bearer token.</param>
/// <param name="ExpiresAt">When it expires unless renewed by use (UTC).</param>
public sealed record SessionToken(string Token, DateTime ExpiresAt);

/// <summary>The answer of sign-up and sign-in: <c>{ user, session }</c>.</summary>
/// <param name="User">The signed-in user.</param>
/// <param name="Session">The new session.</param>
public sealed record AuthResult(UserDto User, SessionToken Session);

/// <summary>One of a user's active sessions.</summary>
/// <param name="Id">Session public id.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="LastUsedAt">When it was last renewed by use.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="Ip">Client address at sign-in.</param>
/// <param name="UserAgent">Client at sign-in.</param>
/// <param name="Current">Whether it is the session making the request.</param>
public sealed record SessionInfo(Guid Id, DateTime CreatedAt, DateTime LastUsedAt, DateTime ExpiresAt, string? Ip, string? UserAgent, bool Current);

/// <summary>A request's authenticated session.</summary>
/// <param name="User">Who.</param>
/// <param name="SessionId">Which session.</param>
/// <param name="ExpiresAt">Its expiry after any renewal.</param>
public sealed record AuthenticatedSession(UserDto User, Guid SessionId, DateTime ExpiresAt);

/// <summary>Where a request came from, for sessions and the audit log.</summary>
/// <param name="Ip">Client address.</param>
/// <param name="UserAgent">Client software.</param>
public sealed record ClientInfo(string? Ip, string? UserAgent)
{
    /// <summary>No client (CLI, background work).</summary>
    public static ClientInfo None { get; } = new(null, null);
}
