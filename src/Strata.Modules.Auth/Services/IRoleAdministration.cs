using Strata.Data.Repositories;

namespace Strata.Modules.Auth.Services;

/// <summary>A role as administrators see it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="ParentRoleId">The role it inherits from.</param>
/// <param name="IsSystem">Seeded by Strata; cannot be deleted.</param>
/// <param name="Permissions">Keys granted to this role itself (inherited ones not repeated).</param>
public sealed record RoleDto(Guid Id, string Name, string? Description, Guid? ParentRoleId, bool IsSystem, IReadOnlyList<string> Permissions);

/// <summary>A change to a role; null leaves a value as it is.</summary>
/// <param name="Name">New name.</param>
/// <param name="Description">New description.</param>
/// <param name="ParentRoleId">New parent (must not create a cycle).</param>
/// <param name="ClearParent">Remove the parent.</param>
public sealed record RoleChange(string? Name = null, string? Description = null, Guid? ParentRoleId = null, bool ClearParent = false);

/// <summary>One audit-log row.</summary>
/// <param name="Id">Public id.</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="ActorId">Who.</param>
/// <param name="Action">What (OWASP vocabulary).</param>
/// <param name="Target">To what.</param>
/// <param name="Outcome">success or failure.</param>
/// <param name="Ip">Client address.</param>
/// <param name="UserAgent">Client software.</param>
/// <param name="Metadata">Extra facts (JSON object).</param>
public sealed record AuditEntryDto(Guid Id, DateTime OccurredAt, Guid? ActorId, string Action, string? Target, string Outcome, string? Ip, string? UserAgent, string Metadata);

/// <summary>Filters of the audit log.</summary>
/// <param name="ActorId">Only this actor.</param>
/// <param name="Action">Only this action.</param>
/// <param name="From">From this time (inclusive).</param>
/// <param name="To">Before this time (exclusive).</param>
public sealed record AuditLogFilter(Guid? ActorId = null, string? Action = null, DateTime? From = null, DateTime? To = null);

/// <summary>Roles, permissions and grants (RBAC administration); every change is audited <c>authz_change</c>.</summary>
public interface IRoleAdministration
{
    /// <summary>All roles by name.</summary>
    Task<IReadOnlyList<RoleDto>> ListRolesAsync(CancellationToken cancellationToken = default);

    /// <summary>One role; 404 <c>auth.role_not_found</c>.</summary>
    Task<RoleDto> GetRoleAsync(Guid roleId, CancellationToken cancellationToken = default);

    /// <summary>Creates a role; 409 <c>auth.role_name_taken</c>.</summary>
    Task<RoleDto> CreateRoleAsync(Guid actorId, string name, string? description, Guid? parentRoleId, CancellationToken cancellationToken = default);

    /// <summary>Changes a role; a parent that would make a cycle is 409 <c>auth.role_cycle</c>.</summary>
    Task<RoleDto> UpdateRoleAsync(Guid actorId, Guid roleId, RoleChange change, CancellationToken cancellationToken = default);

    /// <summary>Deletes a role; system roles are 409 <c>auth.system_role</c>.</summary>
    Task DeleteRoleAsync(Guid actorId, Guid roleId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the role's own permission keys; unknown keys are 400.</summary>
    Task<RoleDto> SetRolePermissionsAsync(Guid actorId, Guid roleId, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default);

    /// <summary>Every permission key declared by the modules.</summary>
    Task<IReadOnlyList<string>> ListPermissionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Grants or revokes a role of a user (idempotent).</summary>
    Task SetUserRoleAsync(Guid actorId, Guid userId, Guid roleId, bool granted, CancellationToken cancellationToken = default);

    /// <summary>Grants or revokes a permission directly to a user (idempotent).</summary>
    Task SetUserPermissionAsync(Guid actorId, Guid userId, string permission, bool granted, CancellationToken cancellationToken = default);

    /// <summary>The audit log, newest first, keyset-paged.</summary>
    Task<KeysetPage<AuditEntryDto>> ListAuditLogAsync(KeysetRequest request, AuditLogFilter filter, CancellationToken cancellationToken = default);
}
