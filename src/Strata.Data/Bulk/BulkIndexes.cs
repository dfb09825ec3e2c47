using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Strata.Data.Configuration;
using Strata.Data.Conventions;

namespace Strata.Data.Bulk;

/// <summary>Index upkeep around a large load.</summary>
public static class BulkIndexes
{
    /// <summary>
    /// Drops the GIN indexes of <typeparamref name="TEntity"/>'s table on PostgreSQL and answers the work that builds
    /// them again, exactly as the EF model declares them (name, columns, operator classes, filter). Building a GIN index
    /// over a million loaded rows takes a fraction of the time that updating it row by row during the load does. Call
    /// both inside the load's transaction, as the owner role (dropping an index needs the table's owner); other sessions
    /// wait on the table's lock meanwhile, so this is for loads into a table nobody else is using (a seed). On SQLite
    /// it does nothing.
    /// </summary>
    public static async Task<Func<CancellationToken, Task>> DeferGinIndexesAsync<TEntity>(StrataDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Provider != DatabaseProvider.Postgres)
        {
            return _ => Task.CompletedTask;
        }

        // The design-time model: the runtime one keeps no index operator classes (only migrations need them).
        var entity = context.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {context.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var creates = new List<string>();
        foreach (var index in entity.GetIndexes().Where(i => string.Equals(i.GetMethod(), "gin", StringComparison.OrdinalIgnoreCase)))
        {
            var name = index.GetDatabaseName(table)!;
            var operators = index.GetOperators();
            var columns = index.Properties.Select((property, i) =>
                sql.DelimitIdentifier(property.GetColumnName(table)!) + (operators?.Count > i && operators[i] is { Length: > 0 } op ? " " + op : string.Empty));
            var filter = index.GetFilter() is { } where ? $" WHERE {where}" : string.Empty;
            // Names and definitions come from the model, never from input.
            var drop = $"DROP INDEX {sql.DelimitIdentifier(name, table.Schema)}";
            await context.Database.ExecuteSqlRawAsync(drop, cancellationToken);
            creates.Add($"CREATE INDEX {sql.DelimitIdentifier(name)} ON {context.TableName<TEntity>()} USING gin ({string.Join(", ", columns)}){filter}");
        }

        return async token =>
        {
            foreach (var create in creates)
            {
                await context.Database.ExecuteSqlRawAsync(create, token);
            }
        };
    }
}
