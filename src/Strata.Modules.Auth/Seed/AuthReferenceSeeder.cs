using Microsoft.EntityFrameworkCore;
using Strata.Data.Modules;
using Strata.Data.Seeding;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Seed;

/// <summary>
/// Every permission key the modules declare, and the system roles <c>admin</c> ⊃ <c>editor</c> ⊃ <c>member</c>:
/// <c>member</c> reads what the business modules publish (<c>*.read</c>), <c>editor</c> also writes it
/// (<c>*.write</c>), <c>admin</c> holds every key, the auth module's own (<c>rbac.manage</c>, <c>audit.read</c>, …) included.
/// Adds what is missing and never removes what an administrator granted.
/// </summary>
internal sealed class AuthReferenceSeeder(AuthDbContext context, ModuleRegistry registry) : ISeeder
{
    public const string AdminRole = "admin";
    public const string EditorRole = "editor";
    public const string MemberRole = "member";

    public SeedKind Kind => SeedKind.Reference;

    public async Task SeedAsync(SeedContext seedContext, CancellationToken cancellationToken)
    {
        var declared = registry.Modules.SelectMany(m => m.Permissions.Select(key => (module: m.Name, key))).ToList();
        var existing = await context.Permissions.ToDictionaryAsync(p => p.Key, cancellationToken);
        foreach (var (module, key) in declared.Where(d => !existing.ContainsKey(d.key)))
        {
            existing[key] = context.Permissions.Add(new Permission { Key = key, Module = module }).Entity;
        }

        await context.SaveChangesAsync(cancellationToken);

        var member = await EnsureRoleAsync(MemberRole, "Reads what the business modules publish.", parent: null, cancellationToken);
        var editor = await EnsureRoleAsync(EditorRole, "Also writes what the business modules publish.", member, cancellationToken);
        var admin = await EnsureRoleAsync(AdminRole, "Holds every permission.", editor, cancellationToken);

        var business = declared.Where(d => d.module != AuthModule.ModuleName).Select(d => d.key).ToList();
        await GrantAsync(member, business.Where(k => k.EndsWith(".read", StringComparison.Ordinal)), existing, cancellationToken);
        await GrantAsync(editor, business.Where(k => k.EndsWith(".write", StringComparison.Ordinal)), existing, cancellationToken);
        await GrantAsync(admin, declared.Select(d => d.key), existing, cancellationToken);
    }

    private async Task<Role> EnsureRoleAsync(string name, string description, Role? parent, CancellationToken cancellationToken)
    {
        var normalized = Data.Conventions.TextNormalization.Normalize(name);
        var role = await context.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
        if (role is null)
        {
            role = context.Roles.Add(new Role { Name = name, Description = description, ParentRoleId = parent?.Id, IsSystem = true }).Entity;
            await context.SaveChangesAsync(cancellationToken);
        }

        return role;
    }

    private async Task GrantAsync(Role role, IEnumerable<string> keys, Dictionary<string, Permission> permissions, CancellationToken cancellationToken)
    {
        var held = (await context.RolePermissions.Where(rp => rp.RoleId == role.Id).Select(rp => rp.PermissionId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (held.Add(permissions[key].Id))
            {
                context.RolePermissions.Add(new RolePermission { RoleId = role.Id, PermissionId = permissions[key].Id });
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
