using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class RoleAdministration(
    DatabaseSession database, AuthDbContext context, RoleRepository roles, UserRepository users, AuditLogRepository auditLog, IAuditTrail audit)
    : IRoleAdministration
{
    public async Task<IReadOnlyList<RoleDto>> ListRolesAsync(CancellationToken cancellationToken = default)
    {
        var all = await roles.ListAsync(sort: "name", cancellationToken: cancellationToken);
        return await ToDtosAsync(all, cancellationToken);
    }

    public async Task<RoleDto> GetRoleAsync(Guid roleId, CancellationToken cancellationToken = default) =>
        (await ToDtosAsync([await FindRoleAsync(roleId, cancellationToken)], cancellationToken))[0];

    public Task<RoleDto> CreateRoleAsync(Guid actorId, string name, string? description, Guid? parentRoleId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var parent = parentRoleId is { } parentId ? await FindRoleAsync(parentId, token) : null;
            var role = await WithUniqueNameAsync(name, () => roles.AddAsync(new Role { Name = name, Description = description, ParentRoleId = parent?.Id }, token));
            await audit.RecordAsync(AuditActions.AuthorizationChange, actorId, $"role:{role.PublicId}", AuditOutcomes.Success, ClientInfo.None, token,
                ("change", "role_created"));
            return (await ToDtosAsync([role], token))[0];
        }, cancellationToken: cancellationToken);

    public Task<RoleDto> UpdateRoleAsync(Guid actorId, Guid roleId, RoleChange change, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            ArgumentNullException.ThrowIfNull(change);
            var role = await roles.GetTrackedAsync(roleId, token);
            if (change.Name is not null)
            {
                role.Name = change.Name;
            }

            if (change.Description is not null)
            {
                role.Description = change.Description;
            }

            if (change.ClearParent)
            {
                role.ParentRoleId = null;
            }
            else if (change.ParentRoleId is { } parentId)
            {
                var parent = await FindRoleAsync(parentId, token);
                await RejectCycleAsync(role, parent, token);
                role.ParentRoleId = parent.Id;
            }

            await WithUniqueNameAsync(role.Name, async () =>
            {
                await roles.UpdateAsync(role, token);
                return role;
            });
            await audit.RecordAsync(AuditActions.AuthorizationChange, actorId, $"role:{role.PublicId}", AuditOutcomes.Success, ClientInfo.None, token,
                ("change", "role_updated"));
            return (await ToDtosAsync([role], token))[0];
        }, cancellationToken: cancellationToken);

    public Task DeleteRoleAsync(Guid actorId, Guid roleId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var role = await roles.GetTrackedAsync(roleId, token);
            if (role.IsSystem)
            {
                throw new ConflictError("auth.system_role", $"The system role '{role.Name}' cannot be deleted.");
            }

            if (await context.Roles.AnyAsync(r => r.ParentRoleId == role.Id, token))
            {
                throw new ConflictError("auth.role_has_children", $"Other roles inherit from '{role.Name}'; change their parent first.");
            }

            await roles.RemoveAsync(role, token);
            await audit.RecordAsync(AuditActions.AuthorizationChange, actorId, $"role:{roleId}", AuditOutcomes.Success, ClientInfo.None, token, ("change", "role_deleted"));
        }, cancellationToken: cancellationToken);

    public Task<RoleDto> SetRolePermissionsAsync(Guid actorId, Guid roleId, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var role = await roles.GetTrackedAsync(roleId, token);
            var wanted = permissions.Distinct(StringComparer.Ordinal).ToArray();
            var found = await context.Permissions.AsNoTracking().Where(p => wanted.Contains(p.Key)).ToListAsync(token);
            var unknown = wanted.Except(found.Select(p => p.Key), StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                throw new ValidationError("auth.unknown_permission", "permissions", $"Unknown permission key(s): {string.Join(", ", unknown)}.");
            }

            await context.RolePermissions.Where(rp => rp.RoleId == role.Id).ExecuteDeleteAsync(token);
            context.RolePermissions.AddRange(found.Select(p => new RolePermission { RoleId = role.Id, PermissionId = p.Id }));
            await context.SaveChangesAsync(token);
            await audit.RecordAsync(AuditActions.AuthorizationChange, actorId, $"role:{role.PublicId}", AuditOutcomes.Success, ClientInfo.None, token,
                ("permissions", string.Join(",", wanted.Order(StringComparer.Ordinal))), ("change", "role_permissions_set"));
            return (await ToDtosAsync([role], token))[0];
        }, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<string>> ListPermissionsAsync(CancellationToken cancellationToken = default) =>
        await context.Permissions.AsNoTracking().OrderBy(p => p.Key).Select(p => p.Key).ToListAsync(cancellationToken);

    public Task SetUserRoleAsync(Guid actorId, Guid userId, Guid roleId, bool granted, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var user = await users.FindIdAsync(userId, token) ?? throw NotFoundError.For("user", userId);
            var role = await FindRoleAsync(roleId, token);
            var existing = await context.UserRoles.AnyAsync(ur => ur.UserId == user && ur.RoleId == role.Id, token);
            if (granted && !existing)
            {
                context.UserRoles.Add(new UserRole { UserId = user, RoleId = role.Id });
            }
            else if (!granted && existing)
            {
                await context.UserRoles.Where(ur => ur.UserId == user && ur.RoleId == role.Id).ExecuteDeleteAsync(token);
            }

            await context.SaveChangesAsync(token);
            await audit.RecordAsync(AuditActions.AuthorizationChange, actorId, AuditTargets.User(userId), AuditOutcomes.Success, ClientInfo.None, token,
                ("role", role.Name), ("change", granted ? "role_granted" : "role_revoked"));
        }, cancellationToken: cancellationToken);

    public Task SetUserPermissionAsync(Guid actorId, Guid userId, string permission, bool granted, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var user = await users.FindIdAsync(userId, token) ?? throw NotFoundError.For("user", userId);
            var key = await context.Permissions.AsNoTracking().Where(p => p.Key == permission).Select(p => (long?)p.Id).FirstOrDefaultAsync(token)
                ?? throw new NotFoundError("auth.permission_not_found", $"No permission is called '{permission}'.");
            var existing = await context.UserPermissions.AnyAsync(up => up.UserId == user && up.PermissionId == key, token);
            if (granted && !existing)
            {
                context.UserPermissions.Add(new UserPermission { UserId = user, PermissionId = key });
            }
            else if (!granted && existing)
            {
                await context.UserPermissions.Where(up => up.UserId == user && up.PermissionId == key).ExecuteDeleteAsync(token);
            }

            await context.SaveChangesAsync(token);
            await audit.RecordAsync(AuditActions.AuthorizationChange, actorId, AuditTargets.User(userId), AuditOutcomes.Success, ClientInfo.None, token,
                ("permission", permission), ("change", granted ? "permission_granted" : "permission_revoked"));
        }, cancellationToken: cancellationToken);

    public async Task<KeysetPage<AuditEntryDto>> ListAuditLogAsync(KeysetRequest request, AuditLogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (actor, action, from, to) = (filter.ActorId, filter.Action, filter.From, filter.To);
        var page = await auditLog.KeysetPageAsync(request with { Sort = null }, a =>
            (actor == null || a.ActorId == actor) && (action == null || a.Action == action) &&
            (from == null || a.OccurredAt >= from) && (to == null || a.OccurredAt < to), cancellationToken: cancellationToken);
        return page.Map(a => new AuditEntryDto(a.PublicId, a.OccurredAt, a.ActorId, a.Action, a.Target, a.Outcome, a.Ip, a.UserAgent,
            JsonSerializer.Deserialize<Dictionary<string, string>>(a.Metadata) ?? []));
    }

    private Task<Role> FindRoleAsync(Guid roleId, CancellationToken cancellationToken) =>
        roles.GetByPublicIdAsync(roleId, cancellationToken);

    // Walk up from the new parent: meeting the role itself means the change would close a loop.
    private async Task RejectCycleAsync(Role role, Role parent, CancellationToken cancellationToken)
    {
        var parents = await context.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ParentRoleId, cancellationToken);
        for (long? current = parent.Id; current is { } id; current = parents.GetValueOrDefault(id))
        {
            if (id == role.Id)
            {
                throw new ConflictError("auth.role_cycle", $"'{role.Name}' cannot inherit from '{parent.Name}': roles would inherit from themselves.", "parentRoleId");
            }
        }
    }

    // The repository's save translates the unique index's refusal; the role API names it in its own terms.
    private static async Task<Role> WithUniqueNameAsync(string name, Func<Task<Role>> save)
    {
        try
        {
            return await save();
        }
        catch (ConflictError conflict) when (conflict.Field == "name")
        {
            throw new ConflictError("auth.role_name_taken", $"A role called '{name.Trim()}' already exists.", "name");
        }
    }

    private async Task<List<RoleDto>> ToDtosAsync(IReadOnlyList<Role> list, CancellationToken cancellationToken)
    {
        var ids = list.Select(r => r.Id).ToArray();
        var parentIds = list.Where(r => r.ParentRoleId is not null).Select(r => r.ParentRoleId!.Value).Distinct().ToArray();
        var parents = await context.Roles.AsNoTracking().Where(r => parentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.PublicId, cancellationToken);
        var grants = await (from rp in context.RolePermissions
                            join p in context.Permissions on rp.PermissionId equals p.Id
                            where ids.Contains(rp.RoleId)
                            select new { rp.RoleId, p.Key }).ToListAsync(cancellationToken);
        return [.. list.Select(r => new RoleDto(r.PublicId, r.Name, r.Description, r.ParentRoleId is { } parent ? parents[parent] : null, r.IsSystem,
            [.. grants.Where(g => g.RoleId == r.Id).Select(g => g.Key).Order(StringComparer.Ordinal)]))];
    }
}
