using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Migrations;

/// <summary>
/// Applies every module's migrations for the active provider in dependency order, as the owner role and outside any
/// user transaction, then re-applies each module's repeatable scripts.
/// </summary>
public sealed class StrataMigrator(IServiceScopeFactory scopes, ModuleRegistry registry, ILogger<StrataMigrator> logger)
{
    /// <summary>Migrates all modules to their latest migration.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        session.UseOwnerRole();
        foreach (var module in registry.Modules)
        {
            var context = session.GetContext(module.Contexts.Base);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            foreach (var script in module.GetRepeatableScripts(session.Provider))
            {
                await ApplyScriptAsync(context, script, cancellationToken);
            }

            logger.LogInformation("Module {Module}: applied {Count} migration(s) on {Provider}.", module.Name, pending.Count, session.Provider);
        }
    }

    /// <summary>Migrations defined in code but not applied, per module name.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var pending = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var module in registry.Modules)
        {
            var context = session.GetContext(module.Contexts.Base);
            pending[module.Name] = [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
        }

        return pending;
    }

    // Run on the raw connection, not ExecuteSqlRaw: script text may hold braces, which ExecuteSqlRaw reads as
    // format placeholders. Npgsql splits statements and dollar-quoted bodies itself.
    private static async Task ApplyScriptAsync(DbContext context, RepeatableScript script, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = script.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
