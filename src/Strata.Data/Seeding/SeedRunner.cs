using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Seeding;

/// <summary>Runs seeders module by module in dependency order, each in its own transaction as the owner role.</summary>
public sealed class SeedRunner(IServiceScopeFactory scopes, ModuleRegistry registry, ILogger<SeedRunner> logger)
{
    /// <summary>
    /// Runs reference seeders, and demo seeders when <see cref="SeedOptions.IncludeDemo"/> is set, reporting each
    /// seeder to <paramref name="progress"/> as it finishes.
    /// </summary>
    public async Task SeedAsync(SeedOptions options, IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var context = new SeedContext(options.Seed, options.Size);
        var seeders = registry.Modules.SelectMany(m => m.Seeders.Select(type => (module: m, type))).ToList();
        var done = 0;
        foreach (var (module, seederType) in seeders)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
            session.UseOwnerRole();
            var seeder = (ISeeder)ActivatorUtilities.CreateInstance(scope.ServiceProvider, seederType);
            if (seeder.Kind == SeedKind.Reference || options.IncludeDemo)
            {
                await session.InTransactionAsync(token => seeder.SeedAsync(context, token), cancellationToken: cancellationToken);
                logger.LogInformation("Module {Module}: ran {Kind} seeder {Seeder}.", module.Name, seeder.Kind, seederType.Name);
            }

            progress?.Report(new SeedProgress(module.Name, seederType.Name, ++done, seeders.Count));
        }
    }
}
