using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Data.Repositories;
using Strata.Modules.Catalog;
using Strata.Modules.Catalog.Services;

namespace Strata.Benchmarks;

/// <summary>
/// A catalog of a million parts for P4 and the search figures: five makers and nine categories made through the
/// catalog's services, then the parts in one set-based statement as the owner (<c>generate_series</c> on PostgreSQL,
/// a recursive CTE on SQLite) — row by row through the service would take hours. Names are built from 20 part kinds,
/// 10 positions, 5 product lines and a 4-digit code, each picked by a different function of the row number, so the
/// name order is not the insertion order; numbers (<c>10000-00</c> … <c>99999-11</c>) are unique; descriptions name a
/// material and a vehicle, so searches of a number, a name and a description all have matches.
/// </summary>
internal sealed class PartsAtScale : IAsyncDisposable
{
    /// <summary>
    /// The index P4 measures the name keyset with and without: the model's (name, public id) index of live parts
    /// (migration AddPartNameIndex), dropped for the "without" half.
    /// </summary>
    public const string NameIndex = "ix_parts_name_public_id";

    // Kinds of part and the category each belongs to; two carry accents, as catalogs of European makers do.
    private static readonly (string Name, string Category)[] Kinds =
    [
        ("Brake pad set", "Pads"), ("Brake disc", "Discs"), ("Brake caliper", "Brakes"), ("Brake hose", "Brakes"),
        ("Oil filter", "Filters"), ("Air filter", "Filters"), ("Fuel filter", "Filters"), ("Cabin filter", "Filters"),
        ("Spark plug", "Ignition"), ("Ignition coil", "Ignition"), ("Timing belt kit", "Engine"), ("Water pump", "Engine"),
        ("Shock absorber", "Suspension"), ("Control arm", "Suspension"), ("Wheel bearing", "Suspension"), ("Tie rod end", "Suspension"),
        ("Wiper blade", "Body"), ("Rétroviseur extérieur", "Body"), ("Kühlerschlauch", "Engine"), ("Headlamp", "Body"),
    ];

    private static readonly string[] Positions = ["front", "rear", "front left", "front right", "rear left", "rear right", "upper", "lower", "inner", "outer"];
    private static readonly string[] Lines = ["Classic", "Eco", "HD", "Pro", "Sport"];
    private static readonly string[] Materials =
        ["Ceramic compound, low dust", "Semi-metallic, high friction", "Galvanised steel", "Synthetic rubber", "Aluminium housing", "OEM quality, TÜV approved"];

    private static readonly string[] Vehicles = ["Corolla", "Golf", "Clio", "Civic", "Focus", "Octavia", "Mégane", "Passat"];

    private PartsAtScale(BenchDatabase database, int count, TimeSpan fill)
    {
        Database = database;
        Count = count;
        Fill = fill;
    }

    /// <summary>The migrated database and the services that serve it.</summary>
    public BenchDatabase Database { get; }

    /// <summary>How many parts there are.</summary>
    public int Count { get; }

    /// <summary>How long the set-based fill took (information: set-up, not a figure).</summary>
    public TimeSpan Fill { get; }

    /// <summary>The parts table as the provider names it.</summary>
    public string Table => Database.Provider == DatabaseProvider.Postgres ? "catalog.parts" : "catalog_parts";

    /// <summary>
    /// The columns the service's page query reads, in its order: EF Core selects every mapped property of the entity, on
    /// PostgreSQL the generated <c>search_vector</c> and the <c>xmin</c> version too, so the baseline reads the same.
    /// </summary>
    public string Columns => Database.Provider == DatabaseProvider.Postgres
        ? "id, attributes, category_id, created_at, deleted_at, description, manufacturer_id, name, normalized_part_number, part_name_id, part_number, public_id, search_vector, updated_at, xmin"
        : "id, attributes, category_id, created_at, deleted_at, description, manufacturer_id, name, normalized_part_number, part_name_id, part_number, public_id, updated_at, version";

    /// <summary>A new catalog of <paramref name="count"/> parts on <paramref name="provider"/>, analysed.</summary>
    public static async Task<PartsAtScale> CreateAsync(DatabaseProvider provider, int count)
    {
        var database = provider == DatabaseProvider.Postgres
            ? await BenchDatabase.PostgresAsync("strata_bench_paging", s => s.AddModule<CatalogModule>())
            : await BenchDatabase.SqliteAsync("strata_bench_paging", s => s.AddModule<CatalogModule>());
        long[] makers;
        Dictionary<string, long> categories;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var manufacturers = scope.ServiceProvider.GetRequiredService<IManufacturerCatalog>();
            var parts = scope.ServiceProvider.GetRequiredService<IPartCatalog>();
            var makerIds = new List<Guid>();
            foreach (var (name, country) in new[] { ("Aisin", "JP"), ("Bosch", "DE"), ("Brembo", "IT"), ("Denso", "JP"), ("Valeo", "FR") })
            {
                makerIds.Add((await manufacturers.CreateManufacturerAsync(new ManufacturerInput(name, country))).Id);
            }

            var categoryIds = new Dictionary<string, Guid>();
            foreach (var (name, parent) in new[] { ("Brakes", null), ("Pads", "Brakes"), ("Discs", "Brakes"), ("Engine", null), ("Filters", "Engine"), ("Ignition", "Engine"), ("Suspension", null), ("Body", null) })
            {
                categoryIds[name] = (await parts.CreateCategoryAsync(name, parent is null ? null : categoryIds[parent])).Id;
            }

            await using var connection = await database.OpenOwnerAsync();
            var postgres = provider == DatabaseProvider.Postgres;
            makers = new long[makerIds.Count];
            for (var i = 0; i < makers.Length; i++)
            {
                makers[i] = await InternalIdAsync(connection, postgres ? "catalog.manufacturers" : "catalog_manufacturers", makerIds[i]);
            }

            categories = [];
            foreach (var (name, id) in categoryIds)
            {
                categories[name] = await InternalIdAsync(connection, postgres ? "catalog.part_categories" : "catalog_part_categories", id);
            }
        }

        var clock = Stopwatch.StartNew();
        await using (var connection = await database.OpenOwnerAsync())
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await FillPostgresAsync(connection, count, makers, categories);
            }
            else
            {
                await ExecuteAsync(connection, FillSql(provider, count, makers, categories));
                await ExecuteAsync(connection, "ANALYZE");
            }
        }

        return new PartsAtScale(database, count, clock.Elapsed);
    }

    /// <summary>Creates or drops <see cref="NameIndex"/>: (name, public id) for live parts, the order of the name keyset.</summary>
    public async Task SetNameIndexAsync(bool present)
    {
        await using var connection = await Database.OpenOwnerAsync();
        // The conventions prefix SQLite index names with the table's module prefix, as they do table names.
        var postgres = Database.Provider == DatabaseProvider.Postgres;
        var name = postgres ? NameIndex : $"ix_catalog_{NameIndex[3..]}";
        await ExecuteAsync(connection, present
            ? $"CREATE INDEX IF NOT EXISTS {name} ON {Table} (name, public_id) WHERE deleted_at IS NULL"
            : $"DROP INDEX IF EXISTS {(postgres ? "catalog." : string.Empty)}{name}");
        await ExecuteAsync(connection, $"ANALYZE {Table}");
    }

    /// <summary>
    /// The cursor the service hands out after the first <paramref name="depth"/> parts by name: encoded from the last of
    /// them as <see cref="Repository{TEntity}.KeysetPageAsync"/> encodes it, since walking there page by page would
    /// take 20 000 requests. Null at depth 0 (the first page has no cursor).
    /// </summary>
    public async Task<string?> CursorAtAsync(long depth)
    {
        if (depth == 0)
        {
            return null;
        }

        var (name, publicId) = await LastBeforeAsync(depth);
        var codec = Database.Services.GetRequiredService<PagingCursorCodec>();
        return codec.Encode(new KeysetCursor("name", JsonSerializer.SerializeToElement(name), publicId));
    }

    /// <summary>The name and public id of the part at position <paramref name="depth"/> (1-based) in name order.</summary>
    public async Task<(string Name, Guid PublicId)> LastBeforeAsync(long depth)
    {
        await using var connection = await Database.OpenOwnerAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = $"SELECT name, public_id FROM {Table} WHERE deleted_at IS NULL ORDER BY name, public_id LIMIT 1 OFFSET {depth - 1}";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetGuid(1));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private static async Task FillPostgresAsync(DbConnection connection, int count, long[] makers, Dictionary<string, long> categories)
    {
        // The two GIN indexes are dropped for the load and rebuilt after it from their own definitions, as a large load
        // into an empty table may (issue 17): building a GIN index once is several times faster than maintaining it row by row.
        var definitions = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'catalog' AND tablename = 'parts' AND indexdef LIKE '%USING gin%'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                definitions.Add(reader.GetString(1));
            }
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB'");
        foreach (var definition in definitions)
        {
            await ExecuteAsync(connection, $"DROP INDEX catalog.{definition.Split(' ')[2]}");
        }

        await ExecuteAsync(connection, FillSql(DatabaseProvider.Postgres, count, makers, categories));
        foreach (var definition in definitions)
        {
            await ExecuteAsync(connection, definition);
        }

        await transaction.CommitAsync();
        await ExecuteAsync(connection, "ANALYZE catalog.parts");
    }

    // One INSERT … SELECT over the row numbers 0 … count-1; the word lists are VALUES tables (CTEs, whose column lists
    // both providers take) joined by a function of the row number. CROSS JOIN, because SQLite keeps that order: with
    // plain joins it put the million row numbers inside the loops over the small lists. Every value in the text is a
    // constant of this file or an internal id, never input.
    private static string FillSql(DatabaseProvider provider, int count, long[] makers, Dictionary<string, long> categories)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        string List(string name, IEnumerable<string> rows) => $"{name} AS (VALUES {string.Join(", ", rows)})";
        string Padded(string number, int width) => postgres ? $"lpad(({number})::text, {width}, '0')" : $"printf('%0{width}d', {number})";
        string Number(string number) => postgres ? $"({number})::text" : $"({number})";
        var lists = string.Join(",\n", [
            List("kinds(id, name, category)", Kinds.Select((k, i) => $"({i}, {Text(k.Name)}, {categories[k.Category]})")),
            List("positions(id, name)", Positions.Select((p, i) => $"({i}, {Text(p)})")),
            List("lines(id, name)", Lines.Select((l, i) => $"({i}, {Text(l)})")),
            List("materials(id, name)", Materials.Select((m, i) => $"({i}, {Text(m)})")),
            List("vehicles(id, name)", Vehicles.Select((v, i) => $"({i}, {Text(v)})")),
            List("makers(k, id)", makers.Select((m, i) => $"({i}, {m})")),
            postgres
                ? $"n AS (SELECT i, gen_random_uuid() AS public_id, now() AS stamp FROM generate_series(0::bigint, {count - 1}) AS i)"
                : $"seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < {count - 1}),\n" +
                  "n AS (SELECT i, hex(randomblob(16)) AS h, strftime('%Y-%m-%d %H:%M:%f', 'now') AS stamp FROM seq)",
        ]);
        // EF Core stores a Guid on SQLite as upper-case text in the 8-4-4-4-12 form; hex() is upper-case.
        var publicId = postgres ? "n.public_id" : "substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)";
        var head = Number("10000 + n.i % 90000");
        var tail = Padded("n.i / 90000", 2);
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH {(postgres ? string.Empty : "RECURSIVE ")}{lists}
            INSERT INTO {(postgres ? "catalog.parts" : "catalog_parts")} (manufacturer_id, part_number, normalized_part_number, name, category_id, description, attributes, public_id, created_at, updated_at{(postgres ? string.Empty : ", version")})
            SELECT makers.id, {head} || '-' || {tail}, {head} || {tail},
                   kinds.name || ' ' || positions.name || ', ' || lines.name || ' ' || {Padded("n.i * 7919 % 10000", 4)},
                   kinds.category, materials.name || '. Fits ' || vehicles.name || ' ' || {Number("2000 + n.i % 25")} || ' onwards.',
                   '{"{}"}', {publicId}, n.stamp, n.stamp{(postgres ? string.Empty : ", 1")}
            FROM n CROSS JOIN kinds CROSS JOIN positions CROSS JOIN lines CROSS JOIN materials CROSS JOIN vehicles CROSS JOIN makers
            WHERE kinds.id = n.i * 7 % {Kinds.Length}
              AND positions.id = n.i / {Kinds.Length} % {Positions.Length}
              AND lines.id = n.i / 200 % {Lines.Length}
              AND materials.id = n.i / 1000 % {Materials.Length}
              AND vehicles.id = n.i * 3 % {Vehicles.Length}
              AND makers.k = n.i % {makers.Length}
            """);
    }

    private static async Task<long> InternalIdAsync(DbConnection connection, string table, Guid publicId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id FROM {table} WHERE public_id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = connection is SqliteConnection ? publicId.ToString().ToUpperInvariant() : publicId;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
