using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class PermissionService(AuthDbContext context) : IPermissionService
{
    // Parent chains are short; the bound stops a cycle that slipped past validation from running away.
    private const int MaxInheritanceDepth = 32;

    public async Task<IReadOnlyList<string>> GetUserPermissionsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // One command: the user (live) by public id, their roles up the parent chains, and direct grants.
        var sql = $$"""
            WITH RECURSIVE me (id) AS (
                SELECT u.id FROM {{Table<User>()}} u WHERE u.public_id = {0} AND u.deleted_at IS NULL
            ),
            granted_roles (role_id, depth) AS (
                SELECT ur.role_id, 0 FROM {{Table<UserRole>()}} ur JOIN me ON ur.user_id = me.id
                UNION
                SELECT r.parent_role_id, g.depth + 1
                FROM {{Table<Role>()}} r JOIN granted_roles g ON r.id = g.role_id
                WHERE r.parent_role_id IS NOT NULL AND g.depth < {{MaxInheritanceDepth}}
            )
            SELECT p.key AS "Value" FROM {{Table<Permission>()}} p
                JOIN {{Table<RolePermission>()}} rp ON rp.permission_id = p.id
                JOIN granted_roles g ON g.role_id = rp.role_id
            UNION
            SELECT p.key AS "Value" FROM {{Table<Permission>()}} p
                JOIN {{Table<UserPermission>()}} up ON up.permission_id = p.id
                JOIN me ON up.user_id = me.id
            """;
        // EF stores a Guid as upper-case text on SQLite; a raw parameter must match that form.
        object id = context.Provider == DatabaseProvider.Postgres ? userId : userId.ToString().ToUpperInvariant();
        var keys = await context.Database.SqlQueryRaw<string>(sql, id).ToListAsync(cancellationToken);
        return [.. keys.Order(StringComparer.Ordinal)];
    }

    public async Task<bool> HasPermissionAsync(Guid userId, string permission, CancellationToken cancellationToken = default) =>
        (await GetUserPermissionsAsync(userId, cancellationToken)).Contains(permission, StringComparer.Ordinal);

    // Table names come from the model, so the query follows the conventions (schema on PostgreSQL, prefix on SQLite).
    private string Table<T>() => context.TableName<T>();
}
