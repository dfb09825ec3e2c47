using System.Data;

namespace Strata.Data.Sessions;

/// <summary>How <see cref="DatabaseSession.InTransactionAsync{T}"/> runs a unit of work.</summary>
public sealed record TransactionOptions
{
    /// <summary>Begin (or join) a transaction with the provider's default isolation.</summary>
    public static TransactionOptions Default { get; } = new();

    /// <summary>A reading unit: see <see cref="ReadOnly"/>.</summary>
    public static TransactionOptions Reading { get; } = new() { ReadOnly = true };

    /// <summary>
    /// A unit that reads a stream it cannot read again (an upload): it runs once, and a transient failure surfaces
    /// instead of replaying the unit.
    /// </summary>
    public static TransactionOptions Once { get; } = new() { Replayable = false };

    /// <summary>When joining an outer transaction, run inside a savepoint so a failure rolls back only this part.</summary>
    public bool Savepoint { get; init; }

    /// <summary>
    /// The unit only reads. A transaction it begins is declared <c>READ ONLY</c> on PostgreSQL (in the same command that
    /// sets the tenant context, so reads stay one round trip cheaper than a second statement) and is <c>DEFERRED</c> on
    /// SQLite, so readers never take the database's single write lock. Tenant-scoped reads run in one so that
    /// row-level security sees the context. Ignored when the unit joins an outer transaction.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// The unit may run again from the start after a transient failure (serialization failure, deadlock, connection
    /// lost before commit, SQLite busy): true unless it consumes input that cannot be replayed.
    /// </summary>
    public bool Replayable { get; init; } = true;

    /// <summary>Isolation level of a transaction this unit begins (ignored when it joins one).</summary>
    public IsolationLevel? IsolationLevel { get; init; }
}
