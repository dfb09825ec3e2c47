using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.Data.Seeding;
using Strata.Modules.Auth.Seed;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Events;
using Strata.Modules.Workspaces.Schema;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Seed;

/// <summary>
/// The demo workspaces (<see cref="WorkspacesDemoData"/>) with the auth module's demo users as members, found through
/// <see cref="IUserDirectory"/> by address. Idempotent by slug and by (workspace, user): what exists is left as it is.
/// Seeding acts for no tenant, so it lifts the SQLite tenant filter (PostgreSQL's policies do not bind the owner role).
/// </summary>
internal sealed class WorkspacesDemoSeeder(WorkspacesDbContext context, IUserDirectory directory, IAuditTrail audit, TimeProvider clock) : ISeeder
{
    public SeedKind Kind => SeedKind.Demo;

    public async Task SeedAsync(SeedContext seedContext, CancellationToken cancellationToken)
    {
        var demoUsers = AuthDemoUsers.For(seedContext.Seed);
        var users = (await directory.FindManyByEmailAsync([.. demoUsers.Select(u => u.Email)], cancellationToken))
            .ToDictionary(u => TextNormalization.Normalize(u.Email), u => u.Id, StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var plan in WorkspacesDemoData.For(seedContext.Seed, demoUsers))
        {
            var members = plan.Members.Where(m => users.ContainsKey(TextNormalization.Normalize(m.Email)))
                .Select(m => (UserId: users[TextNormalization.Normalize(m.Email)], m.Role)).ToList();
            var owner = members.Where(m => m.Role == WorkspaceRole.Owner).Select(m => (Guid?)m.UserId).FirstOrDefault();
            if (owner is null)
            {
                seedContext.Notes.Add($"Workspace {plan.Slug} skipped: its owner is not a user (auth's demo users were not seeded).");
                continue;
            }

            var normalizedSlug = TextNormalization.Normalize(plan.Slug);
            var workspace = await context.Workspaces.IgnoreQueryFilters([StrataQueryFilters.Tenant])
                .FirstOrDefaultAsync(w => w.NormalizedSlug == normalizedSlug, cancellationToken);
            if (workspace is null)
            {
                workspace = context.Workspaces.Add(new Workspace { Name = plan.Name, Slug = plan.Slug, CreatedBy = owner.Value }).Entity;
                await context.SaveChangesAsync(cancellationToken);
                await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.Created, owner.Value, workspace.PublicId, cancellationToken, ("slug", workspace.Slug));
            }
            else if (workspace.CreatedBy != owner.Value)
            {
                seedContext.Notes.Add($"Workspace {plan.Slug} skipped: a workspace that is not demo data holds the slug.");
                continue;
            }

            var present = (await context.Members.IgnoreQueryFilters([StrataQueryFilters.Tenant])
                .Where(m => m.WorkspaceId == workspace.Id).Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
            context.Members.AddRange(members.Where(m => !present.Contains(m.UserId))
                .Select(m => new Member { WorkspaceId = workspace.Id, UserId = m.UserId, Role = m.Role, JoinedAt = now }));
            await context.SaveChangesAsync(cancellationToken);
        }
    }
}
