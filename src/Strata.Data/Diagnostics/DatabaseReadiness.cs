using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Errors;
using Strata.Data.Migrations;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Diagnostics;

/// <summary>Whether the database can serve traffic: reachable within a short timeout, and no migration pending.</summary>
/// <param name="IsReady">True when both hold.</param>
/// <param name="Reason">Why not, when not.</param>
public sealed record ReadinessReport(bool IsReady, string? Reason);

/// <summary>
/// Checks readiness as the application role (the role the API serves with): a pending migration means the code
/// expects a schema the database does not have yet, so the instance should not take traffic.
/// </summary>
public sealed class DatabaseReadiness(IServiceScopeFactory scopes, ModuleRegistry registry)
{
    /// <summary>How long the check may take before the database counts as unreachable.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Runs the check.</summary>
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
            await SqlCommands.EnsureOpenAsync(session.Connection, deadline.Token);
            var pending = new List<string>();
            foreach (var module in registry.Modules)
            {
                var count = (await session.GetContext(module.Contexts.Base).Database.GetPendingMigrationsAsync(deadline.Token)).Count();
                if (count > 0)
                {
                    pending.Add(string.Create(CultureInfo.InvariantCulture, $"{module.Name} ({count})"));
                }
            }

            return pending.Count == 0
                ? new ReadinessReport(true, null)
                : new ReadinessReport(false, $"Migrations are pending: {string.Join(", ", pending)}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReadinessReport(false, $"The database did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (DatabaseErrorTranslator.Translate(ex) is { } error)
        {
            return new ReadinessReport(false, $"The database is not reachable: {error.Message}");
        }
    }
}
