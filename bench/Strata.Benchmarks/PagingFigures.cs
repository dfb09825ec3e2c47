using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Services;

namespace Strata.Benchmarks;

/// <summary>
/// P4 and the search figures of issue 17 on a catalog of a million parts per provider (<see cref="PartsAtScale"/>):
/// <list type="bullet">
/// <item>a page of 50 parts by name at depths from the first page to the last, four ways — through
/// <see cref="IPartCatalog.ListPartsAsync"/> in a new scope (what <c>GET /catalog/parts</c> calls: five commands), the
/// same keyset page query hand-written on a pooled raw connection (the baseline, one command), that query with a
/// redundant <c>name &gt;= @last</c> (see <see cref="RawPages.SeekAsync"/>), and <c>OFFSET n LIMIT 50</c> in the same
/// order — with and without <see cref="PartsAtScale.NameIndex"/>;</item>
/// <item>p50/p95 of five typical searches through the service.</item>
/// </list>
/// Latency samples in one process over one filled catalog, not BenchmarkDotNet: BenchmarkDotNet runs each case in a
/// process of its own, which would fill the million parts again for each of the 50-odd (provider, index, method,
/// depth) cases. Writes <c>p4-paging.csv</c> and <c>search-1m.csv</c> into <c>--out</c> (bench/p4-paging.sh draws the
/// chart) and prints the tables and the plans of the deepest page.
/// </summary>
internal static class PagingFigures
{
    /// <summary>The first argument that selects this run instead of the BenchmarkDotNet suites.</summary>
    public const string Command = "paging";

    private const int PageSize = 50;
    private const int DefaultParts = 1_000_000;

    // A fast page is sampled 50 times after 5 warm-ups; a slow one (a deep OFFSET takes seconds) for about 5 s,
    // at least 5 times, so the whole run stays under half an hour on two cores.
    private const int Warmups = 5;
    private const int Iterations = 50;
    private const int MinIterations = 5;
    private static readonly TimeSpan WarmupBudget = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SampleBudget = TimeSpan.FromSeconds(5);

    // Five searches a parts counter types, each with matches in PartsAtScale's content: an exact number, a number
    // fragment typed with its separator, a two-word prefix, one common word, and a word with accents.
    private static readonly string[] Searches = ["44651-07", "4465-10", "brake pa", "filter", "rétroviseur"];

    /// <summary>
    /// Runs the figures; <c>--out DIR</c> (default: the current folder), <c>--parts N</c> (default 1 000 000),
    /// <c>--provider Postgres|Sqlite</c> (default both).
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var output = Option(args, "--out") ?? ".";
        var count = BenchRun.Rows(int.Parse(Option(args, "--parts") ?? DefaultParts.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        Directory.CreateDirectory(output);
        var paging = new List<string> { "provider,name_index,method,depth,samples,p50_ms,p95_ms,mean_ms" };
        var search = new List<string> { "provider,query,first_page_items,samples,p50_ms,p95_ms,mean_ms" };
        var providers = Option(args, "--provider") is { } one ? [Enum.Parse<DatabaseProvider>(one, ignoreCase: true)] : new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite };
        foreach (var provider in providers)
        {
            await using var parts = await PartsAtScale.CreateAsync(provider, count);
            Console.WriteLine($"## {provider}: {parts.Count:N0} parts, filled in {parts.Fill.TotalSeconds:F0} s");
            await using var raw = new RawPages(parts);
            var deepest = Math.Max(count - PageSize, count / 2);
            long[] depths = [.. new long[] { 0, 1_000, 10_000, 100_000, 500_000 }.Where(d => d < deepest), deepest];
            var points = new List<(long Depth, string? Cursor, string? LastName, Guid LastId)>();
            foreach (var depth in depths)
            {
                var (name, id) = depth == 0 ? (null, Guid.Empty) : await parts.LastBeforeAsync(depth);
                points.Add((depth, await parts.CursorAtAsync(depth), name, id));
            }

            foreach (var indexed in new[] { false, true })
            {
                await parts.SetNameIndexAsync(indexed);
                var label = indexed ? "with" : "without";
                Console.WriteLine($"\n### {provider}, {label} {PartsAtScale.NameIndex}\n");
                Console.WriteLine("| depth | keyset, service p50 / p95 | keyset, raw SQL p50 / p95 | service ÷ raw | keyset + seek, raw SQL p50 / p95 | OFFSET, raw SQL p50 / p95 | OFFSET ÷ keyset (service) |");
                Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                foreach (var (depth, cursor, lastName, lastId) in points)
                {
                    var expected = await ServicePageAsync(parts, cursor, new PartListFilter());
                    Check(expected, await raw.KeysetAsync(lastName, lastId), depth, "the raw keyset page");
                    Check(expected, await raw.SeekAsync(lastName, lastId), depth, "the raw keyset page with a seek");
                    Check(expected, await raw.OffsetAsync(depth), depth, "the OFFSET page");
                    var service = await MeasureAsync(() => ServicePageAsync(parts, cursor, new PartListFilter()));
                    var keyset = await MeasureAsync(() => raw.KeysetAsync(lastName, lastId));
                    var seek = await MeasureAsync(() => raw.SeekAsync(lastName, lastId));
                    var offset = await MeasureAsync(() => raw.OffsetAsync(depth));
                    foreach (var (method, latency) in new[] { ("keyset-service", service), ("keyset-raw", keyset), ("keyset-seek-raw", seek), ("offset-raw", offset) })
                    {
                        paging.Add(Invariant($"{provider},{label},{method},{depth},{latency.Samples},{latency.P50:F3},{latency.P95:F3},{latency.Mean:F3}"));
                    }

                    Console.WriteLine(Invariant(
                        $"| {depth:N0} | {service} | {keyset} | {service.P50 / keyset.P50:F2}× | {seek} | {offset} | {offset.P50 / service.P50:F1}× |"));
                }

                var first = Row(paging, provider, label, "keyset-service", 0);
                var last = Row(paging, provider, label, "keyset-service", deepest);
                Console.WriteLine(Invariant($"\nkeyset (service) at depth {deepest:N0} ÷ the first page, p50: {last / first:F2}× (target ≤ 2×)"));
                var middle = points.FindIndex(p => p.Depth == 500_000) is var at and >= 0 ? points[at] : points[^1];
                Console.WriteLine($"\nplans at depth {middle.Depth:N0}, keyset, keyset + seek, then OFFSET:\n{await raw.PlanAsync(middle.LastName, middle.LastId, middle.Depth)}");
            }

            Console.WriteLine($"\n### {provider}, search through the service (first page of {PageSize})\n");
            Console.WriteLine("| search | first page | p50 / p95 |");
            Console.WriteLine("| --- | ---: | ---: |");
            foreach (var text in Searches)
            {
                var filter = new PartListFilter(Search: text);
                var items = (await ServicePageAsync(parts, null, filter)).Count;
                var latency = await MeasureAsync(() => ServicePageAsync(parts, null, filter));
                search.Add(Invariant($"{provider},\"{text}\",{items},{latency.Samples},{latency.P50:F3},{latency.P95:F3},{latency.Mean:F3}"));
                Console.WriteLine($"| `{text}` | {items} | {latency} |");
            }

            Console.WriteLine();
        }

        await File.WriteAllLinesAsync(Path.Combine(output, "p4-paging.csv"), paging);
        await File.WriteAllLinesAsync(Path.Combine(output, "search-1m.csv"), search);
        Console.WriteLine($"wrote {Path.Combine(output, "p4-paging.csv")} and {Path.Combine(output, "search-1m.csv")}");
        return 0;
    }

    private static async Task<IReadOnlyList<Guid>> ServicePageAsync(PartsAtScale parts, string? cursor, PartListFilter filter)
    {
        await using var scope = parts.Database.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<IPartCatalog>().ListPartsAsync(new KeysetRequest(PageSize, cursor), filter);
        return [.. page.Items.Select(i => i.Id)];
    }

    // The three ways must answer the same page, or the comparison compares different work.
    private static void Check(IReadOnlyList<Guid> expected, IReadOnlyList<Guid> actual, long depth, string what)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new InvalidOperationException($"At depth {depth}, {what} differs from the service's page.");
        }
    }

    private static async Task<Latency> MeasureAsync(Func<Task> call)
    {
        if (BenchRun.Smoke)
        {
            var once = Stopwatch.GetTimestamp();
            await call();
            return Latency.Of([Stopwatch.GetElapsedTime(once).TotalMilliseconds]);
        }

        var warming = Stopwatch.StartNew();
        for (var i = 0; i < Warmups && (i == 0 || warming.Elapsed < WarmupBudget); i++)
        {
            await call();
        }

        var samples = new List<double>();
        var sampling = Stopwatch.StartNew();
        while (samples.Count < Iterations && (samples.Count < MinIterations || sampling.Elapsed < SampleBudget))
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Latency.Of(samples);
    }

    private static double Row(List<string> rows, DatabaseProvider provider, string index, string method, long depth) =>
        double.Parse(rows.Single(r => r.StartsWith(Invariant($"{provider},{index},{method},{depth},"), StringComparison.Ordinal)).Split(',')[5], CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A latency distribution in milliseconds; p50 and p95 by nearest rank.</summary>
    private sealed record Latency(int Samples, double P50, double P95, double Mean)
    {
        public static Latency Of(IReadOnlyCollection<double> samples)
        {
            var sorted = samples.Order().ToArray();
            double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return new(sorted.Length, Rank(0.50), Rank(0.95), sorted.Average());
        }

        public override string ToString() => Invariant($"{P50:F2} / {P95:F2} ms");
    }

    /// <summary>
    /// The baseline: the service's page query written by hand (the SQL EF Core sends for it, the same columns, the same
    /// keyset predicate) on a pooled raw connection, every column read, and its OFFSET twin.
    /// </summary>
    private sealed class RawPages(PartsAtScale parts) : IAsyncDisposable
    {
        private readonly NpgsqlDataSource? _postgres = parts.Database.Provider == DatabaseProvider.Postgres ? NpgsqlDataSource.Create(parts.Database.ConnectionString) : null;

        private string Keyset => $"""
            SELECT {parts.Columns} FROM {parts.Table}
            WHERE deleted_at IS NULL AND (name > @name OR (name = @name AND public_id > @id))
            ORDER BY name, public_id LIMIT {PageSize + 1}
            """;

        // The same page with name >= @name in front: a conjunct an index on (name, public_id) can start a range scan at
        // (the OR alone is no index bound for PostgreSQL, which then reads from the start or builds a bitmap of every
        // later row), and that changes no result: every row the OR admits has name >= @name.
        private string Seek => $"""
            SELECT {parts.Columns} FROM {parts.Table}
            WHERE deleted_at IS NULL AND name >= @name AND (name > @name OR (name = @name AND public_id > @id))
            ORDER BY name, public_id LIMIT {PageSize + 1}
            """;

        private string First => $"SELECT {parts.Columns} FROM {parts.Table} WHERE deleted_at IS NULL ORDER BY name, public_id LIMIT {PageSize + 1}";

        private string Offset => $"SELECT {parts.Columns} FROM {parts.Table} WHERE deleted_at IS NULL ORDER BY name, public_id LIMIT {PageSize} OFFSET @offset";

        /// <summary>The page after (<paramref name="lastName"/>, <paramref name="lastId"/>), or the first page when there is no last row.</summary>
        public Task<IReadOnlyList<Guid>> KeysetAsync(string? lastName, Guid lastId) => lastName is null
            ? ReadAsync(First, [])
            : ReadAsync(Keyset, [("@name", lastName), ("@id", Id(lastId))]);

        /// <summary>As <see cref="KeysetAsync"/>, with the redundant <c>name &gt;= @name</c> an index range can start at.</summary>
        public Task<IReadOnlyList<Guid>> SeekAsync(string? lastName, Guid lastId) => lastName is null
            ? ReadAsync(First, [])
            : ReadAsync(Seek, [("@name", lastName), ("@id", Id(lastId))]);

        /// <summary>The page after the first <paramref name="depth"/> parts, by OFFSET.</summary>
        public Task<IReadOnlyList<Guid>> OffsetAsync(long depth) => ReadAsync(Offset, [("@offset", depth)]);

        /// <summary>The plans of the keyset, seek and OFFSET pages (PostgreSQL: EXPLAIN ANALYZE; SQLite: EXPLAIN QUERY PLAN).</summary>
        public async Task<string> PlanAsync(string? lastName, Guid lastId, long depth)
        {
            var explain = _postgres is null ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ";
            var text = new StringBuilder();
            (string, object)[] last = [("@name", lastName ?? string.Empty), ("@id", Id(lastId))];
            foreach (var (sql, parameters) in new[] { (Keyset, last), (Seek, last), (Offset, [("@offset", depth)]) })
            {
                await using var connection = await OpenAsync();
                await using var command = Command(connection, explain + sql, parameters);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    text.Append("    ").AppendLine(reader.GetValue(reader.FieldCount - 1).ToString());
                }

                text.AppendLine();
            }

            return text.ToString();
        }

        public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

        private async Task<IReadOnlyList<Guid>> ReadAsync(string sql, (string Name, object Value)[] parameters)
        {
            await using var connection = await OpenAsync();
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync();
            var ids = new List<Guid>(PageSize + 1);
            var publicId = reader.GetOrdinal("public_id");
            while (await reader.ReadAsync())
            {
                // Every column read, as EF materialises every property of the entity.
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                ids.Add(reader.GetGuid(publicId));
            }

            return ids.Count > PageSize ? ids[..PageSize] : ids;
        }

        private async Task<DbConnection> OpenAsync()
        {
            if (_postgres is not null)
            {
                return await _postgres.OpenConnectionAsync();
            }

            var sqlite = new SqliteConnection(parts.Database.ConnectionString);
            await sqlite.OpenAsync();
            return sqlite;
        }

        // EF Core binds a Guid on SQLite as its upper-case text, the form the column holds.
        private object Id(Guid id) => _postgres is null ? id.ToString().ToUpperInvariant() : id;

        private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }
}
