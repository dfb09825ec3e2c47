using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Data.Conventions;

namespace Strata.Data.Errors;

/// <summary>
/// The one place provider exceptions become <see cref="StrataError"/>s, so services and routes never see Npgsql or
/// SQLite types. Messages name fields and constraints, never values (PostgreSQL's detail text carries the values).
/// </summary>
public static partial class DatabaseErrorTranslator
{
    private const string UnavailableCode = "database.unavailable";
    private const string TimeoutCode = "database.timeout";
    private const string ReadOnlyCode = "database.read_only";

    /// <summary>The code of a lock timeout (SQLSTATE 55P03).</summary>
    internal const string LockTimeoutCode = "database.lock_timeout";

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
    private const string InvalidPassword = "28P01";
    private const string InvalidAuthorization = "28000";
    private const string InvalidCatalogName = "3D000";
    private const string CharacterNotInRepertoire = "22021";
    private const string UntranslatableCharacter = "22P05";

    // SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
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
    /// <see cref="Translate"/> for an operator (the CLI): the error's <see cref="StrataError.OperatorDetail"/> also names
    /// what only the configuration knows — the host and port of a PostgreSQL server that cannot be reached, the path of
    /// a SQLite file that cannot be opened and why.
    /// </summary>
    public static StrataError? TranslateForOperator(Exception exception, StrataDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = Translate(exception);
        if (error is not DatabaseUnavailableError { Code: UnavailableCode or TimeoutCode or ReadOnlyCode })
        {
            return error;
        }

        if (options.EffectiveProvider == DatabaseProvider.Postgres)
        {
            error.OperatorDetail = $"The database server {PostgresEndpoints(options)} could not be reached or did not answer: {UnreachableCause(error)}.";
        }
        else if (error.Code != TimeoutCode && SqliteFileProblem(options) is { } problem)
        {
            error.OperatorDetail = problem;
        }

        return error;
    }

    /// <summary>The operator's text for a lock timeout (SQLSTATE 55P03) on <paramref name="relation"/>, <paramref name="during"/> some step.</summary>
    internal static string LockTimeoutDetail(string? relation, string? during = null) =>
        $"Lock timeout on table {relation ?? "(the server did not name it)"}{(during is null ? string.Empty : $" while {during}")} (SQLSTATE {LockNotAvailable}): " +
        "another session holds a conflicting lock for longer than lock_timeout (Strata:Database:LockTimeoutMs); pg_locks and pg_stat_activity show which.";

    /// <summary>True when the database refused a statement for lack of privilege (PostgreSQL SQLSTATE 42501).</summary>
    internal static bool IsInsufficientPrivilege(Exception exception) => Unwrap(exception) is PostgresException { SqlState: InsufficientPrivilege };

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
            NpgsqlException npgsql => new DatabaseUnavailableError(UnavailableCode, "The database could not be reached.", npgsql)
            {
                OperatorDetail = $"The database server could not be reached: {UnreachableCause(npgsql)}.",
            },
            SqliteException sqlite => FromSqlite(sqlite, exception),
            TimeoutException timeout => new DatabaseUnavailableError(TimeoutCode, "The database did not answer in time.", timeout),
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
        LockNotAvailable => new TransientDatabaseError(LockTimeoutCode,
            "The database could not take a lock in time because of concurrent activity; try again.", original)
        {
            OperatorDetail = LockTimeoutDetail(LockedRelation(pg)),
        },
        InvalidPassword or InvalidAuthorization => new DatabaseUnavailableError("database.authentication_failed",
            "The database refused the server's credentials.", original)
        {
            OperatorDetail = $"Authentication failed for role '{Quoted(RoleInMessage(), pg.MessageText) ?? "?"}' (SQLSTATE {pg.SqlState}): " +
                "check the user name and password of the connection string, and pg_hba.conf.",
        },
        InvalidCatalogName => new DatabaseUnavailableError("database.unknown_database", "The database does not exist.", original)
        {
            OperatorDetail = $"Database '{Quoted(DatabaseInMessage(), pg.MessageText) ?? "?"}' does not exist (SQLSTATE {pg.SqlState}): " +
                "create it, or correct Database= in the connection string.",
        },
        CharacterNotInRepertoire or UntranslatableCharacter => InvalidText(pg.ColumnName, original),
        SerializationFailure or DeadlockDetected => new TransientDatabaseError("database.transient",
            $"The database could not complete the operation because of concurrent activity (SQLSTATE {pg.SqlState}).", original),
        QueryCanceled => new DatabaseUnavailableError(TimeoutCode, "The database did not answer in time.", original),
        InsufficientPrivilege => new ForbiddenError("database.insufficient_privilege",
            "The database refused access to the requested rows.", original),
        _ when IsConnectionLoss(pg.SqlState) || pg.SqlState == "53300" =>
            new DatabaseUnavailableError(UnavailableCode, "The database could not be reached.", original),
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
            SqliteCantOpen => new DatabaseUnavailableError(UnavailableCode, "The database file could not be opened.", original),
            SqliteReadOnly => new DatabaseUnavailableError(ReadOnlyCode, "The database file is read-only.", original),
            _ => new DatabaseError($"SQLITE_{sqlite.SqliteExtendedErrorCode}", original),
        };
    }

    // Class 08 (connection exception) and the server ending the session (admin shutdown, crash, not yet accepting).
    private static bool IsConnectionLoss(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03";

    private static ValidationError InvalidText(string? column, Exception original)
    {
        const string message = "A text value holds a character the database cannot store (such as NUL, U+0000).";
        var field = column is null ? "text" : SnakeCase.ToFieldName(column);
        return new(TextInput.InvalidTextCode, message, new Dictionary<string, string[]> { [field] = [message] }, original);
    }

    // The table a timed-out lock was for: the server names it for row locks; otherwise the statement does (DDL and
    // DML name their table; only the name is shown, never the statement).
    private static string? LockedRelation(PostgresException pg)
    {
        if (pg.TableName is { } table)
        {
            return pg.SchemaName is { } schema ? $"{schema}.{table}" : table;
        }

        var match = pg.BatchCommand?.CommandText is { } sql ? LockedRelationInSql().Match(sql) : null;
        return match is { Success: true } ? match.Groups["name"].Value.Replace("\"", string.Empty, StringComparison.Ordinal) : null;
    }

    private static string? Quoted(Regex pattern, string text) => pattern.Match(text) is { Success: true } match ? match.Groups["name"].Value : null;

    private static string UnreachableCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket:
                    return socket.Message;
                case TimeoutException:
                    return "the connection timed out";
                case PostgresException pg:
                    return $"{pg.MessageText} (SQLSTATE {pg.SqlState})";
            }
        }

        return Unwrap(exception) is NpgsqlException npgsql ? npgsql.Message : "no answer";
    }

    // The connection strings a run may have used: the owner's (migrations) and the application's.
    private static IEnumerable<string> ConnectionStrings(StrataDatabaseOptions options) =>
        new[] { options.OwnerConnectionString, options.ApplicationConnectionString }
            .Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal);

    private static string PostgresEndpoints(StrataDatabaseOptions options) =>
        string.Join(" or ", ConnectionStrings(options)
            .Select(c => new NpgsqlConnectionStringBuilder(c))
            .Select(b => $"{b.Host}:{b.Port}")
            .Distinct(StringComparer.Ordinal));

    // Why SQLite could not open a file, from what the file system says about it (SQLite only reports "unable to open").
    private static string? SqliteFileProblem(StrataDatabaseOptions options)
    {
        foreach (var builder in ConnectionStrings(options).Select(c => new SqliteConnectionStringBuilder(c)))
        {
            if (builder.DataSource is not { Length: > 0 } dataSource || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            {
                continue;
            }

            var path = Path.GetFullPath(dataSource);
            var folder = Path.GetDirectoryName(path) ?? path;
            var reason =
                !Directory.Exists(folder) ? $"the folder {folder} does not exist"
                : !File.Exists(path) && builder.Mode is SqliteOpenMode.ReadWrite or SqliteOpenMode.ReadOnly ? $"the file does not exist (Mode={builder.Mode} does not create it)"
                : !File.Exists(path) && !CanCreateFileIn(folder) ? $"the folder {folder} cannot be written"
                : null;
            if (reason is not null)
            {
                return $"The database file {path} could not be opened: {reason}.";
            }
        }

        var first = new SqliteConnectionStringBuilder(options.OwnerConnectionString).DataSource;
        return $"The database file {Path.GetFullPath(first)} could not be opened or written: check that it is a SQLite database and that this user may read and write it and its folder.";
    }

    private static bool CanCreateFileIn(string folder)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(folder, $".strata-write-probe-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex("(?:user|role) \"(?<name>[^\"]*)\"")]
    private static partial Regex RoleInMessage();

    [GeneratedRegex("""database "(?<name>[^"]*)" does not exist""")]
    private static partial Regex DatabaseInMessage();

    [GeneratedRegex("""\b(?:(?:ALTER|DROP|LOCK|TRUNCATE)\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?|\bON\s+(?:ONLY\s+)?|\b(?:INTO|UPDATE|FROM)\s+)(?<name>(?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)""", RegexOptions.IgnoreCase)]
    private static partial Regex LockedRelationInSql();

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
