using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Data.Sessions;
using Strata.Modules.Catalog;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;
using Strata.Modules.Catalog.Services;

namespace Strata.Benchmarks;

/// <summary>
/// P5 (issue 17): part import throughput, each stage on its own, per provider. <see cref="Stage"/> is the bulk write
/// alone (binary COPY on PostgreSQL, the prepared insert on SQLite) into the import's own staging table, through
/// <see cref="PartImportRepository.OpenStageAsync"/>, from values already checked. <see cref="ImportBtreeOnly"/> and
/// <see cref="ImportFullyIndexed"/> are the whole import (<see cref="IPartImports.ImportAsync"/> over a CSV stream in
/// memory: reading, checking, staging, duplicates, the upsert, the run's record) into an empty <c>parts</c> table — the
/// first without the search structures (PostgreSQL's two GIN indexes, the generated <c>search_vector</c> column still
/// computed; SQLite's FTS5 triggers), dropped as the owner before each iteration, the second with them. The baseline,
/// <see cref="EfAddRange"/>, is EF Core <c>AddRange</c> + <c>SaveChanges</c> of the same rows as <see cref="Part"/>
/// entities on the catalog's own context, in one unit, into the fully indexed table. <c>parts</c> is emptied before
/// every iteration. Mean is per row (<see cref="OperationsPerInvokeAttribute"/>); Op/s is rows per second.
/// </summary>
[PartImportJob]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PartImportBenchmarks
{
    /// <summary>Rows per iteration in a measured run: large enough that per-run costs vanish, small enough for ~20 minutes.</summary>
    public const int MeasuredRows = 200_000;

    private const string Postgres = "Postgres";
    private const string Sqlite = "Sqlite";
    private ImportData _data = null!;

    [Params(Postgres, Sqlite)]
    public string Provider { get; set; } = Postgres;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var shared = await SharedSetup<ImportDatabases>.GetAsync(() => Task.FromResult(new ImportDatabases()));
        _data = await (Provider == Postgres ? shared.Postgres : shared.Sqlite).Value;
    }

    [IterationSetup(Target = nameof(ImportBtreeOnly))]
    public void EmptyWithoutSearch() => _data.EmptyPartsAsync(search: false).GetAwaiter().GetResult();

    [IterationSetup(Targets = new[] { nameof(ImportFullyIndexed), nameof(EfAddRange) })]
    public void EmptyWithSearch() => _data.EmptyPartsAsync(search: true).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = MeasuredRows), BenchmarkCategory("a. COPY / prepared insert into the staging table")]
    public async Task<long> Stage()
    {
        await using var scope = _data.Database.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var staging = scope.ServiceProvider.GetRequiredService<PartImportRepository>();
        return await session.InTransactionAsync(async token =>
        {
            long written;
            await using (var stage = await staging.OpenStageAsync(token))
            {
                foreach (var values in _data.StageValues)
                {
                    values.CopyTo(stage.Values, 0);
                    await stage.WriteRowAsync(token);
                }

                written = await stage.CompleteAsync(token);
            }

            await staging.DropStageAsync(token);
            return written;
        }, TransactionOptions.Once);
    }

    [Benchmark(OperationsPerInvoke = MeasuredRows), BenchmarkCategory("b. import, B-tree indexes only")]
    public Task<long> ImportBtreeOnly() => _data.ImportCsvAsync();

    [Benchmark(OperationsPerInvoke = MeasuredRows), BenchmarkCategory("c. import, fully indexed")]
    public Task<long> ImportFullyIndexed() => _data.ImportCsvAsync();

    [Benchmark(OperationsPerInvoke = MeasuredRows), BenchmarkCategory("d. EF AddRange + SaveChanges, fully indexed")]
    public async Task<int> EfAddRange()
    {
        await using var scope = _data.Database.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        return await session.InTransactionAsync(async token =>
        {
            var context = session.GetContext<CatalogDbContext>();
            context.Parts.AddRange(_data.Rows.Select(r => new Part
            {
                ManufacturerId = _data.Manufacturers[r.Manufacturer!], PartNumber = r.PartNumber!, Name = r.Name!,
                CategoryId = _data.Categories[r.Category!], Description = r.Description, Attributes = r.Attributes ?? "{}",
            }));
            return await context.SaveChangesAsync(token);
        });
    }

    /// <summary>Each provider's database, arranged on first use in this process.</summary>
    private sealed class ImportDatabases : IAsyncDisposable
    {
        public Lazy<Task<ImportData>> Postgres { get; } = new(async () => await ImportData.CreateAsync(
            await BenchDatabase.PostgresAsync("strata_bench_import", s => s.AddModule<CatalogModule>())));

        public Lazy<Task<ImportData>> Sqlite { get; } = new(async () => await ImportData.CreateAsync(
            await BenchDatabase.SqliteAsync("strata_bench_import", s => s.AddModule<CatalogModule>())));

        public async ValueTask DisposeAsync()
        {
            foreach (var data in new[] { Postgres, Sqlite }.Where(d => d.IsValueCreated && d.Value.IsCompletedSuccessfully))
            {
                await data.Value.Result.Database.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A migrated catalog with 5 manufacturers and 8 leaf categories, and the rows every case writes: part-shaped (a
    /// number, a name, a sentence of description, attributes on every fourth), the same ones as CSV and as checked
    /// staging values.
    /// </summary>
    private sealed class ImportData
    {
        private static readonly string[] MakerNames = ["Bosch", "Brembo", "Denso", "Valeo", "Mahle"];

        private static readonly string[] MakerCountries = ["DE", "IT", "JP", "FR", "DE"];

        private static readonly (string Root, string Leaf, string Noun)[] Leaves =
        [
            ("Brakes", "Pads", "brake pad set"), ("Brakes", "Discs", "brake disc"), ("Filters", "Oil", "oil filter"), ("Filters", "Air", "air filter"),
            ("Ignition", "Spark plugs", "spark plug"), ("Cooling", "Radiators", "radiator"), ("Electrics", "Alternators", "alternator"), ("Suspension", "Shock absorbers", "shock absorber"),
        ];

        private string[] _triggers = [];
        private string[] _ginIndexes = [];

        private ImportData(BenchDatabase database) => Database = database;

        public BenchDatabase Database { get; }

        public PartImportRow[] Rows { get; private set; } = [];

        public byte[] Csv { get; private set; } = [];

        public object?[][] StageValues { get; private set; } = [];

        public Dictionary<string, long> Manufacturers { get; } = [];

        public Dictionary<string, long> Categories { get; } = [];

        public static async Task<ImportData> CreateAsync(BenchDatabase database)
        {
            var data = new ImportData(database);
            await data.ArrangeAsync();
            return data;
        }

        /// <summary>The CSV through the import; answers how many rows it inserted (all of them, or it throws).</summary>
        public async Task<long> ImportCsvAsync()
        {
            await using var scope = Database.Services.CreateAsyncScope();
            using var content = new MemoryStream(Csv, writable: false);
            var run = await scope.ServiceProvider.GetRequiredService<IPartImports>().ImportAsync(content, PartImportFormats.Csv, new PartImportOptions("bench.csv"));
            return run.Inserted == Rows.Length && run.Outcome == PartImportOutcomes.Completed
                ? run.Inserted
                : throw new InvalidOperationException($"The import inserted {run.Inserted} of {Rows.Length} rows ({run.Outcome}).");
        }

        /// <summary>Empties <c>parts</c> and drops or restores the search structures, as the owner.</summary>
        public async Task EmptyPartsAsync(bool search)
        {
            if (Database.Provider == DatabaseProvider.Postgres)
            {
                await using var connection = new NpgsqlConnection(Database.ConnectionString);
                await connection.OpenAsync();
                // The rows that refer to parts are empty here; CASCADE names them without listing them.
                await ExecuteAsync(connection, "TRUNCATE catalog.parts CASCADE");
                foreach (var index in _ginIndexes)
                {
                    await ExecuteAsync(connection, search
                        ? index.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                        : $"DROP INDEX IF EXISTS catalog.{index.Split(' ')[2]}");
                }
            }
            else
            {
                // Without the keyword: no foreign-key checks while emptying (nothing refers to these parts).
                await using var connection = new SqliteConnection(Database.ConnectionString);
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                // External-content FTS5 tables forget every row at once; the triggers then have nothing to remove.
                await ExecuteAsync(connection, "INSERT INTO catalog_parts_search (catalog_parts_search) VALUES ('delete-all')");
                await ExecuteAsync(connection, "INSERT INTO catalog_parts_number_search (catalog_parts_number_search) VALUES ('delete-all')");
                foreach (var trigger in _triggers)
                {
                    await ExecuteAsync(connection, $"DROP TRIGGER IF EXISTS {trigger.Split(' ')[2]}");
                }

                await ExecuteAsync(connection, "DELETE FROM catalog_parts");
                if (search)
                {
                    foreach (var trigger in _triggers)
                    {
                        await ExecuteAsync(connection, trigger);
                    }
                }

                await transaction.CommitAsync();
            }
        }

        private async Task ArrangeAsync()
        {
            await using (var scope = Database.Services.CreateAsyncScope())
            {
                var makers = scope.ServiceProvider.GetRequiredService<IManufacturerCatalog>();
                var parts = scope.ServiceProvider.GetRequiredService<IPartCatalog>();
                foreach (var (name, country) in MakerNames.Zip(MakerCountries))
                {
                    await makers.CreateManufacturerAsync(new ManufacturerInput(name, country));
                }

                foreach (var root in Leaves.Select(l => l.Root).Distinct())
                {
                    var rootId = (await parts.CreateCategoryAsync(root, null)).Id;
                    foreach (var leaf in Leaves.Where(l => l.Root == root))
                    {
                        await parts.CreateCategoryAsync(leaf.Leaf, rootId);
                    }
                }

                var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
                await session.InTransactionAsync(async token =>
                {
                    var context = session.GetContext<CatalogDbContext>();
                    foreach (var maker in await context.Manufacturers.AsNoTracking().ToListAsync(token))
                    {
                        Manufacturers[maker.Name] = maker.Id;
                    }

                    var categories = await context.Categories.AsNoTracking().ToListAsync(token);
                    foreach (var leaf in categories.Where(c => c.ParentId is not null))
                    {
                        Categories[$"{categories.Single(c => c.Id == leaf.ParentId).Name} > {leaf.Name}"] = leaf.Id;
                    }
                });
            }

            var count = BenchRun.Rows(MeasuredRows);
            Rows = [.. Enumerable.Range(0, count).Select(MakeRow)];
            StageValues = [.. Rows.Select(r => new object?[]
            {
                r.Line, Manufacturers[r.Manufacturer!], r.PartNumber, PartNumbers.Normalize(r.PartNumber!), r.Name, Categories[r.Category!],
                r.Description, r.Attributes ?? "{}", Guid.CreateVersion7(), r.Line,
            })];
            Csv = WriteCsv(Rows);
            await SaveSearchStructuresAsync();
        }

        private static PartImportRow MakeRow(int i)
        {
            var maker = MakerNames[i % MakerNames.Length];
            var (root, leaf, noun) = Leaves[i / MakerNames.Length % Leaves.Length];
            return new PartImportRow(
                i + 2, maker, string.Create(CultureInfo.InvariantCulture, $"{maker[..2].ToUpperInvariant()}-{i / 100:00000}.{i % 100:00}"),
                string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(noun[0])}{noun[1..]} {i % 977}"), $"{root} > {leaf}",
                string.Create(CultureInfo.InvariantCulture, $"{maker} {noun} for {1990 + i % 35} models, series {i % 41}; fitted with genuine accessories, tested to OE specification."),
                i % 4 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{{\"weightKg\":{i % 90 / 10.0},\"material\":\"steel\"}}") : null);
        }

        private static byte[] WriteCsv(PartImportRow[] rows)
        {
            static string Quote(string? value) => value is null ? string.Empty : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            var csv = new StringBuilder("manufacturer,partNumber,name,category,description,attributes\n");
            foreach (var r in rows)
            {
                csv.Append(r.Manufacturer).Append(',').Append(r.PartNumber).Append(',').Append(r.Name).Append(',').Append(r.Category).Append(',')
                    .Append(Quote(r.Description)).Append(',').Append(Quote(r.Attributes)).Append('\n');
            }

            return Encoding.UTF8.GetBytes(csv.ToString());
        }

        // Read from the migrated database, not copied here, so the cases drop and restore what the migrations made.
        private async Task SaveSearchStructuresAsync()
        {
            if (Database.Provider == DatabaseProvider.Postgres)
            {
                await using var connection = new NpgsqlConnection(Database.ConnectionString);
                await connection.OpenAsync();
                _ginIndexes = await QueryAsync(connection,
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = 'catalog' AND tablename = 'parts' AND indexdef LIKE '% USING gin %' ORDER BY indexname");
            }
            else
            {
                await using var connection = new SqliteConnection(Database.ConnectionString);
                await connection.OpenAsync();
                _triggers = await QueryAsync(connection,
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'catalog_parts' AND name LIKE 'catalog_parts_search_%' ORDER BY name");
            }

            if (_ginIndexes.Length + _triggers.Length != (Database.Provider == DatabaseProvider.Postgres ? 2 : 3))
            {
                throw new InvalidOperationException("The search structures are not the ones this suite expects (2 GIN indexes on PostgreSQL, 3 FTS5 triggers on SQLite).");
            }
        }

        private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        private static async Task<string[]> QueryAsync(System.Data.Common.DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }

            return [.. values];
        }
    }
}

/// <summary>
/// P5's job, as a mutator of whatever job the run has (the default, or <c>--job short</c>): each iteration is one
/// invocation of seconds over fresh tables, so BenchmarkDotNet's Monitoring strategy (no pilot, no overhead runs), one
/// warm-up and three iterations. The smoke run keeps its own once-only job.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PartImportJobAttribute : Attribute, IConfigSource
{
    public PartImportJobAttribute() => Config = BenchRun.Smoke
        ? ManualConfig.CreateEmpty()
        : ManualConfig.CreateEmpty()
            .AddJob(new Job().WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1).AsMutator())
            .AddColumn(StatisticColumn.OperationsPerSecond);

    public IConfig Config { get; }
}
