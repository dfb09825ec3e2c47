using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Data.Errors;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Seeding;

/// <summary>Runs seeders module by module in dependency order, each in its own transaction as the owner role.</summary>
public sealed class SeedRunner(IServiceScopeFactory scopes, ModuleRegistry registry, ILogger<SeedRunner> logger, IHostEnvironment? environment = null)
{
    /// <summary>
    /// Runs reference seeders, and demo seeders when <see cref="SeedOptions.IncludeDemo"/> is set, reporting each
    /// seeder to <paramref name="progress"/> as it finishes. Demo data is refused in Production (403
    /// <c>seeding.demo_refused</c>): its users have passwords the command prints.
    /// </summary>
    public async Task<SeedRun> SeedAsync(SeedOptions options, IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IncludeDemo && environment?.IsProduction() == true)
        {
            throw new ForbiddenError("seeding.demo_refused", "Demo data is refused in Production.");
        }

        var seeders = registry.Modules.SelectMany(m => m.Seeders.Select(type => (module: m, type))).ToList();
        var notes = new List<SeedNote>();
        var done = 0;
        foreach (var (module, seederType) in seeders)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
            session.UseOwnerRole();
            var seeder = (ISeeder)ActivatorUtilities.CreateInstance(scope.ServiceProvider, seederType);
            if (seeder.Kind == SeedKind.Reference || options.IncludeDemo)
            {
                var kept = await session.InTransactionAsync(async token =>
                {
                    // A fresh sink per attempt: a retried unit must not print the lines of the attempt that rolled back.
                    var context = new SeedContext(options.Seed, options.Size, new SeedNotes());
                    await seeder.SeedAsync(context, token);
                    return context.Notes.Lines;
                }, cancellationToken: cancellationToken);
                notes.AddRange(kept.Select(line => new SeedNote(module.Name, line)));
                logger.LogInformation("Module {Module}: ran {Kind} seeder {Seeder}.", module.Name, seeder.Kind, seederType.Name);
            }

            progress?.Report(new SeedProgress(module.Name, seederType.Name, ++done, seeders.Count));
        }

        return new SeedRun(notes);
    }
}
