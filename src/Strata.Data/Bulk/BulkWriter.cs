using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Strata.Data.Conventions;

namespace Strata.Data.Bulk;

/// <summary>A column a <see cref="BulkWriter"/> fills, with the type PostgreSQL's binary COPY needs for it.</summary>
/// <param name="Name">Column name, as in the table.</param>
/// <param name="PostgresType">Its type for binary COPY (ignored on SQLite).</param>
public sealed record BulkColumn(string Name, NpgsqlDbType PostgresType);

/// <summary>
/// Writes many rows into one table at the provider's fastest rate, row by row and without holding them: PostgreSQL
/// binary <c>COPY … FROM STDIN</c>, SQLite one prepared <c>INSERT</c> re-executed with new values. Rows go out on the
/// session's connection inside its current transaction, so they commit or roll back with the unit of work; no EF
/// change tracking, no interceptors — callers validate values first (see <see cref="Conventions.TextInput"/>).
/// Fill <see cref="Values"/> in column order, then call <see cref="WriteRowAsync"/>; finish with
/// <see cref="CompleteAsync"/> (disposing without completing cancels a COPY).
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly IReadOnlyList<BulkColumn> _columns;
    private readonly NpgsqlBinaryImporter? _copy;
    private readonly SqliteCommand? _insert;
    private long _rows;

    private BulkWriter(IReadOnlyList<BulkColumn> columns, NpgsqlBinaryImporter? copy, SqliteCommand? insert)
    {
        _columns = columns;
        _copy = copy;
        _insert = insert;
        Values = new object?[columns.Count];
    }

    /// <summary>The next row's values, in column order; null is written as SQL NULL. Reused for every row.</summary>
    public object?[] Values { get; }

    /// <summary>
    /// Starts writing into <paramref name="table"/> on <paramref name="context"/>'s connection, inside its current
    /// transaction: the unit of work's, so the rows commit or roll back with it.
    /// </summary>
    public static Task<BulkWriter> OpenAsync(StrataDbContext context, string table, IReadOnlyList<BulkColumn> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OpenAsync(context.Database.GetDbConnection(), context.Database.CurrentTransaction?.GetDbTransaction(), table, columns, cancellationToken);
    }

    /// <summary>
    /// Starts writing into <paramref name="table"/> (already quoted or schema-qualified as the provider needs it) on
    /// <paramref name="connection"/>, which must be open, inside <paramref name="transaction"/> when one is current.
    /// </summary>
    public static async Task<BulkWriter> OpenAsync(
        DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<BulkColumn> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(columns);
        var names = string.Join(", ", columns.Select(c => c.Name));
        switch (connection)
        {
            case NpgsqlConnection postgres:
                var copy = await postgres.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
                return new BulkWriter(columns, copy, null);
            case SqliteConnection sqlite:
                var insert = sqlite.CreateCommand();
                insert.Transaction = (SqliteTransaction?)transaction;
                insert.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
                for (var i = 0; i < columns.Count; i++)
                {
                    insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
                }

                insert.Prepare();
                return new BulkWriter(columns, null, insert);
            default:
                throw new NotSupportedException($"Bulk writes need an Npgsql or Microsoft.Data.Sqlite connection, not {connection.GetType().Name}.");
        }
    }

    /// <summary>Writes <see cref="Values"/> as one row.</summary>
    public async Task WriteRowAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await _copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < _columns.Count; i++)
            {
                if (Values[i] is { } value)
                {
                    await _copy.WriteAsync(value, _columns[i].PostgresType, cancellationToken);
                }
                else
                {
                    await _copy.WriteNullAsync(cancellationToken);
                }
            }
        }
        else
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                // Guids as EF Core's SQLite provider stores them (upper-case text); Microsoft.Data.Sqlite would bind a blob.
                _insert!.Parameters[i].Value = Values[i] switch
                {
                    null => DBNull.Value,
                    Guid guid => guid.ToString().ToUpperInvariant(),
                    var value => value,
                };
            }

            await _insert!.ExecuteNonQueryAsync(cancellationToken);
        }

        _rows++;
    }

    /// <summary>Ends the write; on PostgreSQL this is when the server has the rows. Answers how many were written.</summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(cancellationToken);
        }

        return _rows;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
