using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Diagnostics;
using Strata.Data.Modules;

namespace Strata.Data.Migrations;

/// <summary>
/// The module contexts a migration run drives, one per module, all on the run's owner connection. Applying,
/// reverting and listing migrations never reads a module's runtime model — EF generates each migration's SQL from
/// that migration's own target model, and the history table has a model of its own — so these contexts run with an
/// empty model and no module model is built (the largest single cost of a migrate process). Where EF does need
/// the real model (its pending-model-changes check when migrating without a target) it asks for the design-time
/// model, which EF always builds from <c>OnModelCreating</c>, never from the model given here. Reading or writing
/// module data goes through the session's pooled contexts, never these.
/// </summary>
internal sealed class MigrationContexts(DbConnection connection, DatabaseProvider provider, int commandTimeoutSeconds, CommandDiagnostics diagnostics)
    : IAsyncDisposable
{
    private readonly Dictionary<string, StrataDbContext> _contexts = new(StringComparer.Ordinal);

    /// <summary>The run's owner connection; every context shares it.</summary>
    public DbConnection Connection => connection;

    /// <summary>The provider the run migrates.</summary>
    public DatabaseProvider Provider => provider;

    /// <summary>The context bound to <paramref name="module"/>'s migrations for the run's provider.</summary>
    public StrataDbContext For(IStrataModule module)
    {
        if (_contexts.TryGetValue(module.Name, out var existing))
        {
            return existing;
        }

        var builder = new DbContextOptionsBuilder();
        StrataContextOptions.Configure(builder, provider, module, commandTimeoutSeconds, connectionString: null);
        builder.UseModel(EmptyRuntimeModel());
        StrataCommandsExtension.UseStrataCommands(builder, diagnostics);
        var context = (StrataDbContext)Activator.CreateInstance(module.Contexts.For(provider), builder.Options)!;
        context.Database.SetDbConnection(connection, contextOwnsConnection: false);
        _contexts[module.Name] = context;
        return context;
    }

    // A runtime model, as a compiled model is: for the design-time model EF then builds the real one from
    // OnModelCreating (a finalized mutable model would be taken as the design-time model too). One per context, as
    // EF binds a model to the provider services of the first context that uses it.
#pragma warning disable EF1001 // RuntimeModel is the type EF's generated compiled models instantiate.
    private static RuntimeModel EmptyRuntimeModel() =>
        (RuntimeModel)new RuntimeModel(skipDetectChanges: true, modelId: Guid.NewGuid(), entityTypeCount: 0).FinalizeModel();
#pragma warning restore EF1001

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts.Values)
        {
            await context.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}
