using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Migrations;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Diagnostics;

/// <summary>
/// Refuses to serve with a role that owns Strata's tables (PostgreSQL): row-level security is not forced on owners, so
/// an owner would see every tenant's rows. The application role must own nothing.
/// </summary>
public sealed class ApplicationRoleGuard(IServiceScopeFactory scopes, ModuleRegistry registry, ILogger<ApplicationRoleGuard> logger)
{
    /// <summary>Throws <see cref="InvalidOperationException"/> when the application connection's role owns a Strata table.</summary>
    public async Task EnsureApplicationRoleOwnsNothingAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        if (session.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        List<string[]> owned;
        try
        {
            owned = await SqlCommands.RowsAsync(session.Connection,
                "SELECT current_user, schemaname || '.' || tablename FROM pg_tables WHERE tableowner = current_user AND schemaname = ANY (@schemas) ORDER BY 2",
                cancellationToken, ("schemas", registry.Modules.Select(m => m.Schema).Append("strata").ToArray()));
        }
        catch (Exception ex) when (DatabaseErrorTranslator.Translate(ex) is DatabaseUnavailableError or TransientDatabaseError)
        {
            // Readiness reports an unreachable database; the check runs again at the next start.
            logger.LogWarning("Could not check the application role's ownership: the database is not reachable.");
            return;
        }

        if (owned.Count > 0)
        {
            throw new InvalidOperationException(
                $"The application connection (ConnectionStrings:Strata) logs in as '{owned[0][0]}', which owns {owned.Count} Strata table(s) " +
                $"({string.Join(", ", owned.Take(3).Select(o => o[1]))}{(owned.Count > 3 ? ", …" : string.Empty)}). " +
                "Serve with a role that owns nothing (strata_app) and migrate with the owner (ConnectionStrings:StrataMigrations).");
        }
    }
}
