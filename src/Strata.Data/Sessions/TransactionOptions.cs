using System.Data;

namespace Strata.Data.Sessions;

/// <summary>How <see cref="DatabaseSession.InTransactionAsync{T}"/> runs a unit of work.</summary>
public sealed record TransactionOptions
{
    /// <summary>Begin (or join) a transaction with the provider's default isolation.</summary>
    public static TransactionOptions Default { get; } = new();

    /// <summary>When joining an outer transaction, run inside a savepoint so a failure rolls back only this part.</summary>
    public bool Savepoint { get; init; }

    /// <summary>Isolation level of a transaction this unit begins (ignored when it joins one).</summary>
    public IsolationLevel? IsolationLevel { get; init; }
}
