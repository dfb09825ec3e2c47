using Strata.Data.Repositories;

namespace Strata.Modules.Auth.Services;

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
