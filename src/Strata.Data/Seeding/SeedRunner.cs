using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Seeding;

/// <summary>Runs seeders module by module in dependency order, each in its own transaction as the owner role.</summary>
public sealed class SeedRunner(IServiceScopeFactory scopes, ModuleRegistry registry, ILogger<SeedRunner> logger)
{
    /// <summary>Runs reference seeders, and demo seeders when <see cref="SeedOptions.IncludeDemo"/> is set.</summary>
    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var context = new SeedContext(options.Seed, options.Size);
        foreach (var module in registry.Modules)
        {
            foreach (var seederType in module.Seeders)
            {
                await using var scope = scopes.CreateAsyncScope();
                var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
                session.UseOwnerRole();
                var seeder = (ISeeder)ActivatorUtilities.CreateInstance(scope.ServiceProvider, seederType);
                if (seeder.Kind == SeedKind.Demo && !options.IncludeDemo)
                {
                    continue;
                }

                await session.InTransactionAsync(token => seeder.SeedAsync(context, token), cancellationToken: cancellationToken);
                logger.LogInformation("Module {Module}: ran {Kind} seeder {Seeder}.", module.Name, seeder.Kind, seederType.Name);
            }
        }
    }
}
