namespace Strata.Data.Diagnostics;

/// <summary>
/// How many commands one scope's contexts have sent: counted by <see cref="Conventions.StrataRelationalCommand"/>, read
/// through <see cref="Sessions.DatabaseSession.CommandsExecuted"/> so tests can state "one command for any number of ids".
/// </summary>
internal sealed class CommandCounter
{
    private int _count;

    /// <summary>The commands counted so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts one more command.</summary>
    public void Increment() => Interlocked.Increment(ref _count);
}
