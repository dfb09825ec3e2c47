using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Conventions;

namespace Strata.Data.Modules;

/// <summary>
/// A business domain that owns its tables, migrations, repeatable scripts, seed data, repositories and services.
/// Modules are composed explicitly with <c>services.AddStrata(configuration, s =&gt; s.AddModule&lt;XModule&gt;())</c>.
/// </summary>
public interface IStrataModule
{
    /// <summary>Unique, lower-case module name (<c>auth</c>, <c>workspaces</c>).</summary>
    string Name { get; }

    /// <summary>PostgreSQL schema holding this module's tables.</summary>
    string Schema { get; }

    /// <summary>Prefix of this module's table names on SQLite (<c>auth_</c> gives <c>auth_users</c>).</summary>
    string TablePrefix { get; }

    /// <summary>The module's DbContext types: its base context and one subclass per provider.</summary>
    ModuleContexts Contexts { get; }

    /// <summary>Names of the modules this one needs migrated, seeded and registered first.</summary>
    IReadOnlyList<string> DependsOn { get; }

    /// <summary>Permission keys this module declares (<c>catalog.write</c>).</summary>
    IReadOnlyList<string> Permissions { get; }

    /// <summary>Tables (unqualified, as mapped) the application role may only read and insert into: audit trails.</summary>
    IReadOnlyList<string> AppendOnlyTables { get; }

    /// <summary>Seeder types, run in this order after the seeders of the modules this one depends on.</summary>
    IReadOnlyList<Type> Seeders { get; }

    /// <summary>Repeatable SQL scripts for a provider, ordered by name, applied after the module's migrations.</summary>
    IReadOnlyList<RepeatableScript> GetRepeatableScripts(DatabaseProvider provider);

    /// <summary>
    /// Registers the module's repositories, services, options and request validators. Settings are bound as options
    /// (<c>BindConfiguration</c>); <paramref name="configuration"/> is for the few that must be read while registering
    /// (a framework that takes loaded objects, such as certificates, rather than options).
    /// </summary>
    void RegisterServices(IServiceCollection services, IConfiguration configuration);
}

/// <summary>A module's DbContext types.</summary>
/// <param name="Base">The module's base context, the type repositories depend on.</param>
/// <param name="Postgres">The PostgreSQL subclass owning the PostgreSQL migrations.</param>
/// <param name="Sqlite">The SQLite subclass owning the SQLite migrations.</param>
public sealed record ModuleContexts(Type Base, Type Postgres, Type Sqlite)
{
    /// <summary>The contexts of a module, checked at compile time: both provider contexts derive from the base.</summary>
    public static ModuleContexts Create<TContext, TPostgresContext, TSqliteContext>()
        where TContext : StrataDbContext
        where TPostgresContext : TContext
        where TSqliteContext : TContext =>
        new(typeof(TContext), typeof(TPostgresContext), typeof(TSqliteContext));

    /// <summary>The context type bound to <paramref name="provider"/>'s migrations.</summary>
    public Type For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : Sqlite;
}

/// <summary>A repeatable SQL script: re-applied as a whole, so it must be idempotent (<c>CREATE OR REPLACE</c>, <c>IF NOT EXISTS</c>).</summary>
/// <param name="Name">File name, which also orders the scripts (<c>010_functions.sql</c>).</param>
/// <param name="Sql">The script text, applied as written (PostgreSQL dollar-quoted bodies included).</param>
public sealed record RepeatableScript(string Name, string Sql);
