using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Strata.Data.Configuration;
using Strata.Data.Modules;

namespace Strata.Data.Conventions;

/// <summary>Strata's database conventions, applied after a module has mapped its entities.</summary>
internal static class StrataModelConventions
{
    public static void Apply(ModelBuilder modelBuilder, DatabaseProvider provider, IStrataModule module)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()).ToList())
        {
            ApplyRowConventions(modelBuilder.Entity(entity.ClrType), entity.ClrType, provider);
        }

        if (provider == DatabaseProvider.Postgres)
        {
            modelBuilder.HasDefaultSchema(module.Schema);
        }

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            ApplyNames(entity, provider, module);
        }
    }

    private static void ApplyRowConventions(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder builder, Type clrType, DatabaseProvider provider)
    {
        if (typeof(StrataEntity).IsAssignableFrom(clrType))
        {
            builder.HasKey(nameof(StrataEntity.Id));
            builder.HasIndex(nameof(StrataEntity.PublicId)).IsUnique();
        }

        if (typeof(ISoftDeletable).IsAssignableFrom(clrType))
        {
            var row = Expression.Parameter(clrType, "row");
            var isLive = Expression.Equal(
                Expression.Property(row, nameof(ISoftDeletable.DeletedAt)),
                Expression.Constant(null, typeof(DateTime?)));
            builder.HasQueryFilter(StrataQueryFilters.SoftDelete, Expression.Lambda(isLive, row));
        }

        if (typeof(IVersioned).IsAssignableFrom(clrType))
        {
            var version = builder.Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            if (provider == DatabaseProvider.Postgres)
            {
                // xmin is a system column PostgreSQL bumps on every write: no column to add, no trigger to keep.
                version.HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate();
            }
        }
    }

    private static void ApplyNames(IMutableEntityType entity, DatabaseProvider provider, IStrataModule module)
    {
        var mappedName = entity.GetTableName();
        if (mappedName is null)
        {
            return;
        }

        if (entity.BaseType is null)
        {
            var snake = SnakeCase.From(mappedName);
            var alreadyPrefixed = snake.StartsWith(module.TablePrefix, StringComparison.Ordinal);
            entity.SetTableName(provider == DatabaseProvider.Sqlite && !alreadyPrefixed ? module.TablePrefix + snake : snake);
            entity.SetSchema(provider == DatabaseProvider.Postgres ? module.Schema : null);
        }

        var table = entity.GetTableName()!;
        var tableId = StoreObjectIdentifier.Table(table, entity.GetSchema());
        foreach (var property in entity.GetDeclaredProperties())
        {
            var column = property.GetColumnName(tableId) ?? property.GetColumnName();
            property.SetColumnName(SnakeCase.From(column));
        }

        foreach (var key in entity.GetDeclaredKeys())
        {
            key.SetName(key.IsPrimaryKey() ? $"pk_{table}" : $"ak_{table}_{Columns(key.Properties)}");
        }

        foreach (var foreignKey in entity.GetDeclaredForeignKeys())
        {
            foreignKey.SetConstraintName($"fk_{table}_{Columns(foreignKey.Properties)}");
        }

        foreach (var index in entity.GetDeclaredIndexes())
        {
            index.SetDatabaseName($"{(index.IsUnique ? "ux" : "ix")}_{table}_{Columns(index.Properties)}");
        }
    }

    private static string Columns(IEnumerable<IMutableProperty> properties) =>
        string.Join('_', properties.Select(p => SnakeCase.From(p.Name)));
}
