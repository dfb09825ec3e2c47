using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Strata.Benchmarks;

/// <summary>
/// EF Core alone, with nothing of Strata: the floor any EF Core repository stands on, for reading P1. The same users
/// table mapped by hand, read the fastest way EF Core offers — a pooled context, a compiled query, no tracking, no
/// interceptors, no converters — so the distance from the raw baseline to this row is EF Core's own cost, and the
/// distance from this row to Strata's is Strata's.
/// </summary>
internal static class EfCoreFloor
{
    private static readonly Func<PostgresUsers, Guid, CancellationToken, Task<FloorUser?>> PostgresLookup =
        EF.CompileAsyncQuery((PostgresUsers context, Guid publicId, CancellationToken cancellationToken) =>
            context.Users.AsNoTracking().FirstOrDefault(user => user.PublicId == publicId && user.DeletedAt == null));

    private static readonly Func<SqliteUsers, Guid, CancellationToken, Task<FloorUser?>> SqliteLookup =
        EF.CompileAsyncQuery((SqliteUsers context, Guid publicId, CancellationToken cancellationToken) =>
            context.Users.AsNoTracking().FirstOrDefault(user => user.PublicId == publicId && user.DeletedAt == null));

    /// <summary>A pool of PostgreSQL contexts on <paramref name="connectionString"/>.</summary>
    public static PooledDbContextFactory<PostgresUsers> Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresUsers>().UseNpgsql(connectionString).Options);

    /// <summary>A pool of SQLite contexts on <paramref name="connectionString"/>.</summary>
    public static PooledDbContextFactory<SqliteUsers> Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteUsers>().UseSqlite(connectionString).Options);

    /// <summary>The user's email, through a context leased from <paramref name="pool"/> for this call alone.</summary>
    public static async Task<string?> LookUpAsync(PooledDbContextFactory<PostgresUsers> pool, Guid publicId)
    {
        await using var context = pool.CreateDbContext();
        return (await PostgresLookup(context, publicId, CancellationToken.None))?.Email;
    }

    /// <inheritdoc cref="LookUpAsync(PooledDbContextFactory{PostgresUsers}, Guid)"/>
    public static async Task<string?> LookUpAsync(PooledDbContextFactory<SqliteUsers> pool, Guid publicId)
    {
        await using var context = pool.CreateDbContext();
        return (await SqliteLookup(context, publicId, CancellationToken.None))?.Email;
    }

    /// <summary>The users table on PostgreSQL (<c>auth.users</c>; the version is the <c>xmin</c> system column).</summary>
    internal sealed class PostgresUsers(DbContextOptions<PostgresUsers> options) : DbContext(options)
    {
        public DbSet<FloorUser> Users => Set<FloorUser>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            FloorUser.Map(modelBuilder, "users", "auth").Property(u => u.Version).HasColumnName("xmin").HasColumnType("xid");
        }
    }

    /// <summary>The users table on SQLite (<c>auth_users</c>).</summary>
    internal sealed class SqliteUsers(DbContextOptions<SqliteUsers> options) : DbContext(options)
    {
        public DbSet<FloorUser> Users => Set<FloorUser>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => FloorUser.Map(modelBuilder, "auth_users", schema: null);
    }

    /// <summary>Every column of the users table, as plain properties.</summary>
    internal sealed class FloorUser
    {
        public long Id { get; set; }
        public Guid PublicId { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
        public string Email { get; set; } = "";
        public string NormalizedEmail { get; set; } = "";
        public string Name { get; set; } = "";
        public bool EmailVerified { get; set; }
        public string? Image { get; set; }
        public bool TwoFactorEnabled { get; set; }
        public string SecurityStamp { get; set; } = "";
        public int FailedSignInCount { get; set; }
        public DateTime? LockoutEnd { get; set; }
        public DateTime? DeletedAt { get; set; }
        public uint Version { get; set; }

        public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<FloorUser> Map(ModelBuilder modelBuilder, string table, string? schema)
        {
            var user = modelBuilder.Entity<FloorUser>();
            user.ToTable(table, schema);
            user.Property(u => u.Id).HasColumnName("id");
            user.Property(u => u.PublicId).HasColumnName("public_id");
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.Property(u => u.UpdatedAt).HasColumnName("updated_at");
            user.Property(u => u.Email).HasColumnName("email");
            user.Property(u => u.NormalizedEmail).HasColumnName("normalized_email");
            user.Property(u => u.Name).HasColumnName("name");
            user.Property(u => u.EmailVerified).HasColumnName("email_verified");
            user.Property(u => u.Image).HasColumnName("image");
            user.Property(u => u.TwoFactorEnabled).HasColumnName("two_factor_enabled");
            user.Property(u => u.SecurityStamp).HasColumnName("security_stamp");
            user.Property(u => u.FailedSignInCount).HasColumnName("failed_sign_in_count");
            user.Property(u => u.LockoutEnd).HasColumnName("lockout_end");
            user.Property(u => u.DeletedAt).HasColumnName("deleted_at");
            user.Property(u => u.Version).HasColumnName("version");
            return user;
        }
    }
}
