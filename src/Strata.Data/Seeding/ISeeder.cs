namespace Strata.Data.Seeding;

/// <summary>What a seeder writes.</summary>
public enum SeedKind
{
    /// <summary>Data the system needs (permission keys, system roles, WMI codes): seeded on every seed run.</summary>
    Reference,

    /// <summary>Sample data for demos and load tests: seeded on request only, and never in Production.</summary>
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

/// <summary>Inputs of a seed run, and where a seeder leaves lines for the operator.</summary>
/// <param name="Seed">Random seed: the same seed and size give the same demo data.</param>
/// <param name="Size">How many demo rows of the module's main kind to make (the catalog's parts); small modules ignore it.</param>
/// <param name="Notes">Lines for whoever ran the seed (the demo users' passwords), shown once and never logged.</param>
public sealed record SeedContext(int Seed, int Size, SeedNotes Notes);

/// <summary>
/// Lines a seeder hands back to the operator through <see cref="SeedRun.Notes"/>. A seeder's lines are kept only
/// when its transaction commits: an attempt that rolls back (and is retried) leaves none.
/// </summary>
public sealed class SeedNotes
{
    private readonly List<string> _lines = [];

    /// <summary>The lines in the order they were added.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Adds a line.</summary>
    public void Add(string line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(line);
        _lines.Add(line);
    }
}

/// <summary>What to seed.</summary>
/// <param name="IncludeDemo">Also run demo seeders (refused in Production).</param>
/// <param name="Seed">Random seed for demo data.</param>
/// <param name="Size">Size of the demo data set (see <see cref="SeedContext.Size"/>).</param>
public sealed record SeedOptions(bool IncludeDemo = false, int Seed = 42, int Size = 50);

/// <summary>A seeder finished (or was skipped because it seeds demo data and none was asked for).</summary>
/// <param name="Module">Module of the seeder.</param>
/// <param name="Seeder">Seeder type name.</param>
/// <param name="Done">Seeders finished so far.</param>
/// <param name="Total">Seeders in the run.</param>
public sealed record SeedProgress(string Module, string Seeder, int Done, int Total);

/// <summary>A line a seeder left for the operator.</summary>
/// <param name="Module">Module of the seeder.</param>
/// <param name="Text">The line.</param>
public sealed record SeedNote(string Module, string Text);

/// <summary>What a seed run leaves for the operator.</summary>
/// <param name="Notes">The seeders' lines, module by module in the order they ran.</param>
public sealed record SeedRun(IReadOnlyList<SeedNote> Notes);
