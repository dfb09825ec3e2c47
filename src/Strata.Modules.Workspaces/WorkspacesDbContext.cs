using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Modules.Workspaces.Schema;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces;

internal abstract class WorkspacesDbContext(DbContextOptions options) : StrataDbContext<WorkspacesModule>(options)
{
    private static readonly WorkspaceRole[] Managers = WorkspaceRoles.AtLeast(WorkspaceRole.Admin);

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new WorkspaceConfiguration());
        modelBuilder.ApplyConfiguration(new MemberConfiguration());
        modelBuilder.ApplyConfiguration(new InvitationConfiguration());
        if (Provider == DatabaseProvider.Sqlite)
        {
            ApplyTenantFilters(modelBuilder);
        }
    }

    /// <summary>
    /// SQLite's twin of the PostgreSQL policies in <c>Scripts/Postgres/020_rls_policies.sql</c>, for reads and bulk
    /// writes: the same visibility rules, reading <see cref="StrataDbContext.CurrentUserId"/> of the context running
    /// the query (never a captured service, which would freeze the first tenant into the cached model).
    /// </summary>
    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new MemberAccessConfiguration());
        modelBuilder.Entity<Workspace>().HasQueryFilter(StrataQueryFilters.Tenant, w =>
            Set<MemberAccess>().Any(a => a.WorkspaceId == w.Id && a.UserId == CurrentUserId)
            || (w.CreatedBy == CurrentUserId && !Set<MemberAccess>().Any(a => a.WorkspaceId == w.Id)));
        modelBuilder.Entity<Member>().HasQueryFilter(StrataQueryFilters.Tenant, m =>
            Set<MemberAccess>().Any(a => a.WorkspaceId == m.WorkspaceId && a.UserId == CurrentUserId));
        modelBuilder.Entity<Invitation>().HasQueryFilter(StrataQueryFilters.Tenant, i =>
            Set<MemberAccess>().Any(a => a.WorkspaceId == i.WorkspaceId && a.UserId == CurrentUserId && Managers.Contains(a.Role)));
    }
}
