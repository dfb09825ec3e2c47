namespace Strata.Data.Errors;

/// <summary>
/// A refusal or failure Strata reports to callers: a stable machine-readable <see cref="Code"/> (lower-case, dotted),
/// the HTTP <see cref="Status"/> it maps to, and a human <see cref="Exception.Message"/> that never carries SQL or values.
/// One global handler turns these into RFC 9457 problem details.
/// </summary>
public abstract class StrataError : Exception
{
    /// <summary>Creates an error.</summary>
    protected StrataError(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Stable code such as <c>workspaces.last_owner</c>.</summary>
    public string Code { get; }

    /// <summary>HTTP status the error maps to.</summary>
    public abstract int Status { get; }

    /// <summary>Short, fixed title of the error kind.</summary>
    public abstract string Title { get; }

    /// <summary>
    /// What an operator needs to act on, when the cause lies outside Strata: the role whose login failed, the database
    /// that does not exist, the host and port that did not answer, the table whose lock timed out, the file that could
    /// not be opened. The CLI prints it instead of <see cref="Exception.Message"/>; API clients see only the message.
    /// Never holds parameter values or secrets.
    /// </summary>
    public string? OperatorDetail { get; internal set; }
}

/// <summary>Input breaks a rule (400); <see cref="Errors"/> names each field with its messages.</summary>
public sealed class ValidationError : StrataError
{
    /// <summary>Creates a validation error.</summary>
    public ValidationError(string code, string message, IReadOnlyDictionary<string, string[]> errors, Exception? innerException = null)
        : base(code, message, innerException)
    {
        Errors = errors;
    }

    /// <summary>A validation error about one field.</summary>
    public ValidationError(string code, string field, string message)
        : this(code, message, new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>Field name → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <inheritdoc />
    public override int Status => 400;

    /// <inheritdoc />
    public override string Title => "The request is not valid.";
}

/// <summary>No valid credentials (401).</summary>
public sealed class UnauthorizedError(string code, string message) : StrataError(code, message)
{
    /// <inheritdoc />
    public override int Status => 401;

    /// <inheritdoc />
    public override string Title => "Authentication is required.";
}

/// <summary>The caller may not do this (403): permission checks and row-level security refusals.</summary>
public sealed class ForbiddenError(string code, string message, Exception? innerException = null) : StrataError(code, message, innerException)
{
    /// <inheritdoc />
    public override int Status => 403;

    /// <inheritdoc />
    public override string Title => "The operation is not allowed.";
}

/// <summary>Nothing with that public id (404).</summary>
public sealed class NotFoundError(string code, string message) : StrataError(code, message)
{
    /// <summary>A <c>{resource}.not_found</c> error for a public id.</summary>
    public static NotFoundError For(string resource, Guid publicId) => For(resource, publicId, $"{resource}.not_found");

    /// <summary>A not-found error for a public id with the module's own <paramref name="code"/> (<c>workspaces.not_found</c>).</summary>
    public static NotFoundError For(string resource, Guid publicId, string code) =>
        new(code, $"No {resource} has the id {publicId}.");

    /// <inheritdoc />
    public override int Status => 404;

    /// <inheritdoc />
    public override string Title => "The resource does not exist.";
}

/// <summary>The request conflicts with the current state (409): unique values, stale versions, invalid transitions.</summary>
public sealed class ConflictError(string code, string message, string? field = null, Exception? innerException = null)
    : StrataError(code, message, innerException)
{
    /// <summary>The API field whose value conflicts, when one does.</summary>
    public string? Field { get; } = field;

    /// <inheritdoc />
    public override int Status => 409;

    /// <inheritdoc />
    public override string Title => "The request conflicts with the current state.";
}

/// <summary>The thing asked for existed but is gone for good (410): an expired, used or revoked token.</summary>
public sealed class GoneError(string code, string message) : StrataError(code, message)
{
    /// <inheritdoc />
    public override int Status => 410;

    /// <inheritdoc />
    public override string Title => "The resource is no longer available.";
}

/// <summary>A payload larger than a configured limit (413): an upload over the size a module accepts.</summary>
public sealed class PayloadTooLargeError(string code, string message) : StrataError(code, message)
{
    /// <inheritdoc />
    public override int Status => 413;

    /// <inheritdoc />
    public override string Title => "The payload is too large.";
}

/// <summary>Content of a kind that is not accepted (415), judged from its bytes rather than its declared type.</summary>
public sealed class UnsupportedMediaTypeError(string code, string message) : StrataError(code, message)
{
    /// <inheritdoc />
    public override int Status => 415;

    /// <inheritdoc />
    public override string Title => "The content type is not supported.";
}

/// <summary>A failure that is expected to pass on retry (serialization failure, deadlock, SQLite busy) and outlasted the retries (503).</summary>
public sealed class TransientDatabaseError(string code, string message, Exception? innerException = null)
    : StrataError(code, message, innerException)
{
    /// <inheritdoc />
    public override int Status => 503;

    /// <inheritdoc />
    public override string Title => "The database is busy; try again.";
}

/// <summary>The database cannot be reached or timed out (503).</summary>
public sealed class DatabaseUnavailableError(string code, string message, Exception? innerException = null)
    : StrataError(code, message, innerException)
{
    /// <inheritdoc />
    public override int Status => 503;

    /// <inheritdoc />
    public override string Title => "The database is unavailable.";
}

/// <summary>Any other database failure (500). The SQLSTATE or SQLite code is kept; the server's text is not shown.</summary>
public sealed class DatabaseError(string sqlState, Exception? innerException = null)
    : StrataError("database.error", $"The database reported an error (SQLSTATE {sqlState}).", innerException)
{
    /// <summary>PostgreSQL SQLSTATE, or <c>SQLITE_{code}</c>.</summary>
    public string SqlState { get; } = sqlState;

    /// <inheritdoc />
    public override int Status => 500;

    /// <inheritdoc />
    public override string Title => "The database reported an error.";
}
