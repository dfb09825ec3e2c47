using System.Reflection;
using Strata.Data.Configuration;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Strata.Testing;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL: one test body, both providers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    /// <inheritdoc />
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        ValueTask.FromResult<IReadOnlyCollection<ITheoryDataRow>>(
        [
            new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite),
            new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres),
        ]);

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;
}
