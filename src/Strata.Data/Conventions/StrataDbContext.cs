using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Strata.Data.Configuration;
using Strata.Data.Diagnostics;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Conventions;

/// <summary>
/// Base of every module's DbContext. It applies Strata's conventions once for all modules (snake_case names,
/// schema per module on PostgreSQL and table prefix on SQLite, keys, UTC times, soft delete, row versions) and
/// exposes the scope's tenant as instance members, which SQLite query filters read: a filter must never capture
/// a service, or the first tenant is frozen into the cached model.
/// </summary>
public abstract class StrataDbContext : DbContext
{
    /// <summary>Creates the context; options come from the scope's <see cref="DatabaseSession"/> or a design-time factory.</summary>
    protected StrataDbContext(DbContextOptions options)
        : base(options)
    {
        CommandDiagnostics = options.FindExtension<StrataCommandsExtension>()?.Diagnostics;
    }

    /// <summary>The module whose tables this context maps.</summary>
    protected internal abstract IStrataModule OwningModule { get; }

    private bool _leased;
    private bool _releasing;

    /// <summary>Where this context's commands report their durations (null at design time).</summary>
    internal CommandDiagnostics? CommandDiagnostics { get; }

    /// <summary>The session that rented this context (null at design time).</summary>
    internal DatabaseSession? Session { get; private set; }

    /// <summary>The provider this context runs on.</summary>
    public DatabaseProvider Provider => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
        ? DatabaseProvider.Postgres
        : DatabaseProvider.Sqlite;

    /// <summary>
    /// The table <typeparamref name="TEntity"/> maps to, delimited for raw SQL as the conventions name it:
    /// <c>"catalog"."parts"</c> on PostgreSQL, <c>"catalog_parts"</c> on SQLite.
    /// </summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TEntity"/> is not in this context's model.</exception>
    public string TableName<TEntity>()
    {
        var entity = Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {GetType().Name}.");
        return this.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>The signed-in user of the scope (read by query filters).</summary>
    public Guid? CurrentUserId => Session?.Tenant.UserId;

    /// <summary>The workspace the scope acts in (read by query filters).</summary>
    public Guid? CurrentWorkspaceId => Session?.Tenant.WorkspaceId;

    /// <summary>
    /// Pooled contexts belong to their session until it releases them: DI disposes the contexts it resolved too, and a
    /// second return of a context already back in the pool would break the instance another scope rents next.
    /// </summary>
#pragma warning disable CA1816 // DbContext's own Dispose suppresses finalization; these only decide whether to call it.
    public override void Dispose()
    {
        if (!_leased || _releasing)
        {
            base.Dispose();
        }
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => !_leased || _releasing ? base.DisposeAsync() : ValueTask.CompletedTask;
#pragma warning restore CA1816

    /// <summary>Binds a rented context to its session.</summary>
    internal void Lease(DatabaseSession session)
    {
        Session = session;
        _leased = true;
        _releasing = false;
    }

    /// <summary>Returns the context to its pool; the session must not use it afterwards.</summary>
    internal ValueTask ReleaseAsync()
    {
        // Cleared before the return: once back in the pool another scope may rent it at once.
        Session = null;
        _releasing = true;
        return base.DisposeAsync();
    }

    /// <summary>Maps this module's entities: apply one <c>IEntityTypeConfiguration</c> per table.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        StrataModelConventions.Apply(modelBuilder, Provider, OwningModule);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>A module context bound to its module type, which supplies the schema and table prefix.</summary>
/// <typeparam name="TModule">The module owning this context.</typeparam>
public abstract class StrataDbContext<TModule> : StrataDbContext
    where TModule : IStrataModule, new()
{
    private static readonly TModule ModuleInstance = new();

    /// <inheritdoc />
    protected StrataDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected internal override IStrataModule OwningModule => ModuleInstance;
}
