using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.Modules.Workspaces;

internal sealed class WorkspacesPostgresDbContext(DbContextOptions options) : WorkspacesDbContext(options);

internal sealed class WorkspacesPostgresDesignTimeFactory : StrataDesignTimeFactory<WorkspacesModule, WorkspacesPostgresDbContext>;
