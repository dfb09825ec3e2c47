using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.Modules.Workspaces;

internal sealed class WorkspacesSqliteDbContext(DbContextOptions options) : WorkspacesDbContext(options);

internal sealed class WorkspacesSqliteDesignTimeFactory : StrataDesignTimeFactory<WorkspacesModule, WorkspacesSqliteDbContext>;
