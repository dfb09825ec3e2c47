using Strata.Data;
using Strata.Modules.Auth;
using Strata.Modules.Catalog;
using Strata.Modules.Workspaces;

namespace Strata.Composition;

/// <summary>
/// Every module of the system, named explicitly, in one place: the API and the CLI compile this file (a linked
/// source, not a package), so the database the CLI migrates is the one the API serves.
/// </summary>
internal static class StrataModules
{
    public static void All(StrataBuilder strata) => strata
        .AddModule<AuthModule>()
        .AddModule<WorkspacesModule>()
        .AddModule<CatalogModule>();
}
