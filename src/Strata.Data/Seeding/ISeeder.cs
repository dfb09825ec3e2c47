namespace Strata.Data.Seeding;

/// <summary>What a seeder writes.</summary>
public enum SeedKind
{
    /// <summary>Data the system needs (permission keys, system roles, WMI codes): seeded on every seed run.</summary>
    Reference,

    /// <summary>Sample data for demos and load tests: seeded on request only.</summary>
    Demo,
}

/// <summary>
/// Writes one module's seed data. Seeders must be idempotent — running twice leaves the same rows — so they
/// upsert by natural key. Demo seeders derive everything from <see cref="SeedContext.Seed"/> and <see cref="SeedContext.Size"/>.
/// </summary>
public interface ISeeder
{
    /// <summary>Reference or demo data.</summary>
    SeedKind Kind { get; }

    /// <summary>Writes the data inside the runner's transaction.</summary>
    Task SeedAsync(SeedContext context, CancellationToken cancellationToken);
}

/// <summary>Inputs of a seed run.</summary>
/// <param name="Seed">Random seed: the same seed and size give the same demo data.</param>
/// <param name="Size">How many top-level demo rows to make.</param>
public sealed record SeedContext(int Seed, int Size);

/// <summary>What to seed.</summary>
/// <param name="IncludeDemo">Also run demo seeders.</param>
/// <param name="Seed">Random seed for demo data.</param>
/// <param name="Size">Size of the demo data set.</param>
public sealed record SeedOptions(bool IncludeDemo = false, int Seed = 42, int Size = 50);

/// <summary>A seeder finished (or was skipped because it seeds demo data and none was asked for).</summary>
/// <param name="Module">Module of the seeder.</param>
/// <param name="Seeder">Seeder type name.</param>
/// <param name="Done">Seeders finished so far.</param>
/// <param name="Total">Seeders in the run.</param>
public sealed record SeedProgress(string Module, string Seeder, int Done, int Total);
