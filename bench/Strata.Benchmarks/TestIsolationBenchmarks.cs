using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Modules.Auth;
using Strata.Modules.Catalog;
using Strata.Modules.Workspaces;
using Strata.Testing;

namespace Strata.Benchmarks;

/// <summary>
/// P7: one run of a representative repository test class (<see cref="PartCatalogTestClass"/>) through the test
/// fixtures of <c>tests/Strata.Testing</c>, each test in its own database — a fresh clone of the migrated template per
/// test (<see cref="StrataTestDatabases.FreshAsync"/>; the baseline) against a transaction rolled back at the end of
/// each test (<see cref="StrataTestDatabases.RolledBackAsync"/>). On SQLite a rolled-back database is still a private
/// file copy, so its row is information only. The templates are built once, in the set-up; the fixture drops its
/// databases when the process ends.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TestIsolationBenchmarks
{
    private const string Postgres = "Postgres";
    private const string Sqlite = "Sqlite";
    private BenchTestDatabases _databases = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Without a server the fixture would skip as a test does; a benchmark fails with the reason instead.
        _ = BenchDatabase.PostgresAdmin;
        _databases = await SharedSetup<BenchTestDatabases>.GetAsync(async () =>
        {
            // Builds both templates and the shared PostgreSQL database, so no measured run pays for migrating.
            var databases = new BenchTestDatabases();
            await (await databases.RolledBackAsync(DatabaseProvider.Postgres)).DisposeAsync();
            await (await databases.RolledBackAsync(DatabaseProvider.Sqlite)).DisposeAsync();
            return databases;
        });
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Postgres)]
    public Task PostgresFreshDatabasePerTest() => RunClassAsync(() => _databases.FreshAsync(DatabaseProvider.Postgres));

    [Benchmark, BenchmarkCategory(Postgres)]
    public Task PostgresRolledBackPerTest() => RunClassAsync(() => _databases.RolledBackAsync(DatabaseProvider.Postgres));

    [Benchmark(Baseline = true), BenchmarkCategory(Sqlite)]
    public Task SqliteFreshDatabasePerTest() => RunClassAsync(() => _databases.FreshAsync(DatabaseProvider.Sqlite));

    [Benchmark, BenchmarkCategory(Sqlite)]
    public Task SqliteRolledBackPerTest() => RunClassAsync(() => _databases.RolledBackAsync(DatabaseProvider.Sqlite));

    private static async Task RunClassAsync(Func<Task<TestDatabase>> database)
    {
        // The smoke run checks that each way still works; one test is enough for that, and a fresh PostgreSQL
        // database costs seconds.
        foreach (var test in BenchRun.Smoke ? PartCatalogTestClass.Tests.Take(1) : PartCatalogTestClass.Tests)
        {
            await using var db = await database();
            await test(db);
        }
    }

    /// <summary>The fixture with the real modules, as the module test projects register theirs.</summary>
    private sealed class BenchTestDatabases : StrataTestDatabases
    {
        protected override void AddModules(StrataBuilder strata) =>
            strata.AddModule<AuthModule>().AddModule<WorkspacesModule>().AddModule<CatalogModule>();
    }
}
