using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Strata.Data.Conventions;

namespace Strata.Data.Errors;

/// <summary>
/// The one place provider exceptions become <see cref="StrataError"/>s, so services and routes never see Npgsql or
/// SQLite types. Messages name fields and constraints, never values (PostgreSQL's detail text carries the values).
/// </summary>
public static class DatabaseErrorTranslator
{
    // PostgreSQL SQLSTATEs (Appendix A of the PostgreSQL manual).
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";
    private const string NotNullViolation = "23502";
    private const string CheckViolation = "23514";
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const string LockNotAvailable = "55P03";
    private const string QueryCanceled = "57014";
    private const string InsufficientPrivilege = "42501";

    // SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintCheck = 275;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintTrigger = 1811; // ON DELETE RESTRICT reports through this code
    private const int SqliteConstraintNotNull = 1299;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// True when the whole unit of work may be retried: serialization failure, deadlock, a lost connection
    /// (PostgreSQL), or a busy or locked database file (SQLite).
    /// </summary>
    public static bool IsTransient(Exception exception) => Unwrap(exception) switch
    {
        PostgresException pg => pg.SqlState is SerializationFailure or DeadlockDetected || IsConnectionLoss(pg.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        _ => false,
    };

    /// <summary>
    /// The <see cref="StrataError"/> for <paramref name="exception"/>, or null when it is not a database failure.
    /// <paramref name="models"/> are the models in use, to name the field behind a violated unique index.
    /// </summary>
    public static StrataError? Translate(Exception exception, IEnumerable<IModel>? models = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is StrataError error)
        {
            return error;
        }

        if (exception is DbUpdateConcurrencyException)
        {
            return new ConflictError("database.concurrency_conflict",
                "The row was changed or deleted since it was read; reload it and try again.", innerException: exception);
        }

        return Unwrap(exception) switch
        {
            PostgresException pg => FromPostgres(pg, exception, models ?? []),
            NpgsqlException npgsql => new DatabaseUnavailableError("database.unavailable",
                "The database could not be reached.", npgsql),
            SqliteException sqlite => FromSqlite(sqlite, exception),
            TimeoutException timeout => new DatabaseUnavailableError("database.timeout", "The database did not answer in time.", timeout),
            _ => null,
        };
    }

    private static StrataError FromPostgres(PostgresException pg, Exception original, IEnumerable<IModel> models) => pg.SqlState switch
    {
        UniqueViolation => Unique(FieldOfIndex(pg.ConstraintName, models), original),
        ForeignKeyViolation => new ConflictError("database.foreign_key_violation",
            $"The operation refers to a row that does not exist or is still referenced (constraint {pg.ConstraintName}).", innerException: original),
        NotNullViolation => Required(SnakeCase.ToFieldName(pg.ColumnName ?? "value"), original),
        CheckViolation => Check(pg.ConstraintName ?? "check", original),
        SerializationFailure or DeadlockDetected or LockNotAvailable => new TransientDatabaseError("database.transient",
            $"The database could not complete the operation because of concurrent activity (SQLSTATE {pg.SqlState}).", original),
        QueryCanceled => new DatabaseUnavailableError("database.timeout", "The database did not answer in time.", original),
        InsufficientPrivilege => new ForbiddenError("database.insufficient_privilege",
            "The database refused access to the requested rows.", original),
        _ when IsConnectionLoss(pg.SqlState) || pg.SqlState == "53300" =>
            new DatabaseUnavailableError("database.unavailable", "The database could not be reached.", original),
        _ => new DatabaseError(pg.SqlState, original),
    };

    private static StrataError FromSqlite(SqliteException sqlite, Exception original)
    {
        if (sqlite.SqliteErrorCode == SqliteConstraint)
        {
            var subject = SqliteSubject(sqlite.Message);
            return sqlite.SqliteExtendedErrorCode switch
            {
                SqliteConstraintUnique or SqliteConstraintPrimaryKey => Unique(FieldOfColumns(subject), original),
                SqliteConstraintForeignKey or SqliteConstraintTrigger when sqlite.Message.Contains("FOREIGN KEY", StringComparison.Ordinal) => new ConflictError("database.foreign_key_violation",
                    "The operation refers to a row that does not exist or is still referenced.", innerException: original),
                SqliteConstraintNotNull => Required(FieldOfColumns(subject), original),
                SqliteConstraintCheck => Check(subject, original),
                _ => new DatabaseError($"SQLITE_{sqlite.SqliteExtendedErrorCode}", original),
            };
        }

        return sqlite.SqliteErrorCode switch
        {
            SqliteBusy or SqliteLocked => new TransientDatabaseError("database.transient",
                "The database is busy with another writer; try again.", original),
            SqliteCantOpen => new DatabaseUnavailableError("database.unavailable", "The database file could not be opened.", original),
            _ => new DatabaseError($"SQLITE_{sqlite.SqliteExtendedErrorCode}", original),
        };
    }

    // Class 08 (connection exception) and the server ending the session (admin shutdown, crash, not yet accepting).
    private static bool IsConnectionLoss(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03";

    private static ConflictError Unique(string field, Exception original) =>
        new("database.unique_violation", $"Another record already has this {field}.", field, original);

    private static ValidationError Required(string field, Exception original) =>
        new("database.required", $"{field} is required.", new Dictionary<string, string[]> { [field] = [$"{field} is required."] }, original);

    private static ValidationError Check(string constraint, Exception original) =>
        new("database.check_violation", $"The value breaks the rule {constraint}.",
            new Dictionary<string, string[]> { [constraint] = [$"The value breaks the rule {constraint}."] }, original);

    // SQLite: "SQLite Error 19: 'UNIQUE constraint failed: widgets_widgets.normalized_name'." → "widgets_widgets.normalized_name".
    private static string SqliteSubject(string message)
    {
        var start = message.IndexOf("failed: ", StringComparison.Ordinal);
        if (start < 0)
        {
            return "value";
        }

        var subject = message[(start + "failed: ".Length)..];
        var end = subject.IndexOf('\'', StringComparison.Ordinal);
        return end >= 0 ? subject[..end] : subject.TrimEnd('.');
    }

    private static string FieldOfColumns(string columns) =>
        string.Join(",", columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => SnakeCase.ToFieldName(c[(c.LastIndexOf('.') + 1)..])));

    private static string FieldOfIndex(string? constraint, IEnumerable<IModel> models)
    {
        if (constraint is null)
        {
            return "value";
        }

        var columns = models
            .SelectMany(m => m.GetEntityTypes())
            .SelectMany(e => e.GetIndexes().Select(i => (name: i.GetDatabaseName(), i.Properties))
                .Concat(e.GetKeys().Select(k => (name: k.GetName(), k.Properties))))
            .FirstOrDefault(i => i.name == constraint).Properties;
        return columns is null
            ? constraint
            : string.Join(",", columns.Select(p => SnakeCase.ToFieldName(p.GetColumnName())));
    }

    private static Exception Unwrap(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException or SqliteException or TimeoutException)
            {
                return current;
            }
        }

        return exception;
    }
}
