using Strata.Data.Events;

namespace Strata.Modules.Auth.Events;

/// <summary>
/// A security event for the audit log, in the OWASP logging vocabulary (<see cref="AuditActions"/>). Any module may
/// publish one; it is written in the publisher's transaction, so it exists exactly when the change does.
/// </summary>
/// <param name="Action">What happened (<c>authn_login_success</c>).</param>
/// <param name="ActorId">Who did it (a user's public id), when known.</param>
/// <param name="Target">What it was done to (<c>user:{id}</c>, <c>role:{id}</c>).</param>
/// <param name="Outcome"><c>success</c> or <c>failure</c>.</param>
/// <param name="Ip">Client address.</param>
/// <param name="UserAgent">Client software.</param>
/// <param name="Metadata">Extra facts; never secrets.</param>
public sealed record AuditEvent(
    string Action, Guid? ActorId, string? Target, string Outcome, string? Ip = null, string? UserAgent = null,
    IReadOnlyDictionary<string, string>? Metadata = null) : IDomainEvent;

/// <summary>Audit actions (OWASP application logging vocabulary).</summary>
public static class AuditActions
{
    /// <summary>A successful sign-in.</summary>
    public const string LoginSuccess = "authn_login_success";

    /// <summary>A refused sign-in.</summary>
    public const string LoginFail = "authn_login_fail";

    /// <summary>An account locked after repeated failures.</summary>
    public const string LoginLock = "authn_login_lock";

    /// <summary>A password changed or reset.</summary>
    public const string PasswordChange = "authn_password_change";

    /// <summary>A session or one-time token issued.</summary>
    public const string TokenCreated = "authn_token_created";

    /// <summary>A session revoked.</summary>
    public const string TokenRevoked = "authn_token_revoked";

    /// <summary>A passkey registered to a user.</summary>
    public const string PasskeyAdded = "authn_passkey_added";

    /// <summary>A passkey removed from a user.</summary>
    public const string PasskeyRemoved = "authn_passkey_removed";

    /// <summary>A user created.</summary>
    public const string UserCreated = "user_created";

    /// <summary>A user deleted.</summary>
    public const string UserDeleted = "user_deleted";

    /// <summary>An access refused by a permission check.</summary>
    public const string AuthorizationFail = "authz_fail";

    /// <summary>Roles or permissions changed.</summary>
    public const string AuthorizationChange = "authz_change";
}

/// <summary>Outcomes of audit events.</summary>
public static class AuditOutcomes
{
    /// <summary>It happened.</summary>
    public const string Success = "success";

    /// <summary>It was refused.</summary>
    public const string Failure = "failure";
}

/// <summary>How an audit row names what was acted on: <c>user:{id}</c>, <c>workspace:{id}</c>, by public id.</summary>
public static class AuditTargets
{
    /// <summary>A user, by public id.</summary>
    public static string User(Guid userId) => $"user:{userId}";

    /// <summary>A workspace, by public id.</summary>
    public static string Workspace(Guid workspaceId) => $"workspace:{workspaceId}";
}
