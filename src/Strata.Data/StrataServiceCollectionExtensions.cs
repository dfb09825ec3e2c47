using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Diagnostics;
using Strata.Data.Events;
using Strata.Data.Migrations;
using Strata.Data.Modules;
using Strata.Data.Repositories;
using Strata.Data.Seeding;
using Strata.Data.Sessions;

namespace Strata.Data;

/// <summary>Registers Strata: <c>services.AddStrata(configuration, s =&gt; s.AddModule&lt;AuthModule&gt;().AddModule&lt;WorkspacesModule&gt;())</c>.</summary>
public static class StrataServiceCollectionExtensions
{
    /// <summary>
    /// Adds Strata's core and the modules named in <paramref name="modules"/>. The module set is validated here
    /// (duplicates, unknown dependencies, cycles); the database settings are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddStrata(this IServiceCollection services, IConfiguration configuration, Action<StrataBuilder> modules)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(modules);

        var builder = new StrataBuilder();
        modules(builder);
        var registry = new ModuleRegistry(builder.Modules);

        services.AddOptions<StrataDatabaseOptions>()
            .Bind(configuration.GetSection(StrataDatabaseOptions.SectionName))
            .Configure(o =>
            {
                o.ConnectionString ??= configuration.GetConnectionString(StrataDatabaseOptions.ConnectionStringName);
                o.MigrationsConnectionString ??= configuration.GetConnectionString(StrataDatabaseOptions.MigrationsConnectionStringName);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StrataDatabaseOptions>>(sp => new StrataDatabaseOptionsValidator(sp.GetService<IHostEnvironment>()));

        // Modules bind their own settings (BindConfiguration) from the same configuration.
        services.TryAddSingleton(configuration);
        services.AddLogging();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(registry);
        services.AddSingleton<DatabaseConnectionFactory>();
        services.AddSingleton<EntityLifecycleInterceptor>();
        services.AddSingleton<StoredTextInterceptor>();
        services.AddSingleton<CommandDiagnostics>();
        services.AddSingleton<ModuleContextPool>();
        services.AddSingleton<UnitOfWorkRetry>();
        services.AddSingleton(sp => new PagingCursorCodec(sp.GetRequiredService<IDataProtectionProvider>()));
        services.AddSingleton<StrataMigrator>();
        services.AddSingleton<SeedRunner>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<ApplicationRoleGuard>();
        services.AddScoped<TenantContext>();
        services.AddScoped<CommandCounter>();
        services.AddScoped(sp => new DatabaseSession(
            sp.GetRequiredService<DatabaseConnectionFactory>(),
            sp.GetRequiredService<ModuleRegistry>(),
            sp.GetRequiredService<TenantContext>(),
            sp.GetRequiredService<ModuleContextPool>(),
            sp.GetRequiredService<CommandCounter>(),
            sp.GetRequiredService<UnitOfWorkRetry>(),
            sp.GetRequiredService<ILogger<DatabaseSession>>()));
        services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();

        foreach (var module in registry.Modules)
        {
            var contextType = module.Contexts.Base;
            services.AddScoped(contextType, sp => sp.GetRequiredService<DatabaseSession>().GetContext(contextType));
            module.RegisterServices(services, configuration);
        }

        return services;
    }
}

/// <summary>Names the modules of a Strata database, explicitly, in one expression.</summary>
public sealed class StrataBuilder
{
    private readonly List<IStrataModule> _modules = [];

    /// <summary>The modules added so far, in the order they were added (the registry orders them by dependency).</summary>
    public IReadOnlyList<IStrataModule> Modules => _modules;

    /// <summary>Adds a module.</summary>
    public StrataBuilder AddModule<TModule>()
        where TModule : IStrataModule, new() => AddModule(new TModule());

    /// <summary>Adds a module instance.</summary>
    public StrataBuilder AddModule(IStrataModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _modules.Add(module);
        return this;
    }
}
