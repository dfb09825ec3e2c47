using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Modules;

namespace Strata.Data.Migrations;

/// <summary>
/// Compares a module's live schema, read with EF's design-time database model factory (the one scaffolding uses),
/// with its model: tables, columns, store types, nullability and indexes missing or extra. Strata's own tables, the
/// migration history, views, policy objects and SQLite FTS tables (virtual and shadow) are not the model's business.
/// </summary>
internal static class SchemaDriftDetector
{
    public static async Task<IReadOnlyList<string>> FindDriftAsync(
        StrataDbContext context, IStrataModule module, DatabaseProvider provider, DbConnection connection, CancellationToken cancellationToken)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        var historyTable = postgres ? StrataContextOptions.HistoryTable : module.TablePrefix + "_migrations";
        var ignored = postgres ? [] : await SqliteFullTextTablesAsync(connection, cancellationToken);
        var live = ReadLiveSchema(context, provider, module, connection).Tables
            .Where(t => t is not DatabaseView)
            .Where(t => postgres ? t.Schema == module.Schema : t.Name.StartsWith(module.TablePrefix, StringComparison.Ordinal))
            .Where(t => t.Name != historyTable && !ignored.Contains(t.Name) && !ignored.Any(v => t.Name.StartsWith(v + "_", StringComparison.Ordinal)))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables
            .Where(t => t.Schema == (postgres ? module.Schema : null))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);

        var findings = new List<string>();
        foreach (var missing in model.Keys.Except(live.Keys).Order(StringComparer.Ordinal))
        {
            findings.Add($"{module.Name}: table {missing} is in the model but missing from the database");
        }

        foreach (var extra in live.Keys.Except(model.Keys).Order(StringComparer.Ordinal))
        {
            findings.Add($"{module.Name}: table {extra} is in the database but not in the model");
        }

        foreach (var (name, table) in model.Where(t => live.ContainsKey(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            CompareTable(module.Name, name, table, live[name], postgres, findings);
        }

        return findings;
    }

    private static void CompareTable(string module, string name, ITable model, DatabaseTable live, bool postgres, List<string> findings)
    {
        // xmin is a PostgreSQL system column: always there, never listed.
        var modelColumns = model.Columns.Where(c => !(postgres && c.Name == "xmin")).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var liveColumns = live.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var missing in modelColumns.Keys.Except(liveColumns.Keys).Order(StringComparer.Ordinal))
        {
            findings.Add($"{module}: table {name}: column {missing} is in the model but missing from the database");
        }

        foreach (var extra in liveColumns.Keys.Except(modelColumns.Keys).Order(StringComparer.Ordinal))
        {
            findings.Add($"{module}: table {name}: column {extra} is in the database but not in the model");
        }

        foreach (var (column, expected) in modelColumns.Where(c => liveColumns.ContainsKey(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var actual = liveColumns[column];
            if (!string.Equals(expected.StoreType, actual.StoreType, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"{module}: table {name}: column {column} is {actual.StoreType} in the database but {expected.StoreType} in the model");
            }

            if (expected.IsNullable != actual.IsNullable)
            {
                findings.Add($"{module}: table {name}: column {column} is {Nullability(actual.IsNullable)} in the database but {Nullability(expected.IsNullable)} in the model");
            }
        }

        var modelIndexes = model.Indexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var liveIndexes = live.Indexes.Where(i => i.Name is not null).ToDictionary(i => i.Name!, StringComparer.Ordinal);
        foreach (var missing in modelIndexes.Keys.Except(liveIndexes.Keys).Order(StringComparer.Ordinal))
        {
            findings.Add($"{module}: table {name}: index {missing} is in the model but missing from the database");
        }

        foreach (var extra in liveIndexes.Keys.Except(modelIndexes.Keys).Order(StringComparer.Ordinal))
        {
            findings.Add($"{module}: table {name}: index {extra} is in the database but not in the model");
        }

        foreach (var (index, expected) in modelIndexes.Where(i => liveIndexes.ContainsKey(i.Key)).OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            if (expected.IsUnique != liveIndexes[index].IsUnique)
            {
                findings.Add($"{module}: table {name}: index {index} is {(liveIndexes[index].IsUnique ? "unique" : "not unique")} in the database but not in the model");
            }
        }
    }

    private static string Nullability(bool nullable) => nullable ? "nullable" : "NOT NULL";

    private static DatabaseModel ReadLiveSchema(StrataDbContext context, DatabaseProvider provider, IStrataModule module, DbConnection connection)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // Provider design-time services live in .Internal namespaces; EF's own tools build them this way.
        IDesignTimeServices providerServices = provider == DatabaseProvider.Postgres
            ? new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices()
            : new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices();
#pragma warning restore EF1001
        providerServices.ConfigureDesignTimeServices(services);
        using var designTime = services.BuildServiceProvider();
        var schemas = provider == DatabaseProvider.Postgres ? new[] { module.Schema } : [];
        return designTime.GetRequiredService<IDatabaseModelFactory>().Create(connection, new DatabaseModelFactoryOptions(tables: [], schemas: schemas));
    }

    private static async Task<HashSet<string>> SqliteFullTextTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await SqlCommands.RowsAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'", cancellationToken);
        return [.. rows.Select(r => r[0])];
    }
}
