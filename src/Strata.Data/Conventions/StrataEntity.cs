namespace Strata.Data.Conventions;

/// <summary>
/// Base of every Strata table row: an internal <c>id bigint</c> key that never leaves the process and a UUIDv7
/// <c>public_id</c>, the only identifier the API shows. Created and updated times are set by the save interceptor.
/// </summary>
public abstract class StrataEntity
{
    /// <summary>Internal identity key.</summary>
    public long Id { get; set; }

    /// <summary>Public identifier (UUIDv7, assigned on insert when empty).</summary>
    public Guid PublicId { get; set; }

    /// <summary>When the row was inserted (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the row was last saved (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A row hidden by the <see cref="StrataQueryFilters.SoftDelete"/> filter once <see cref="DeletedAt"/> is set, and restorable.</summary>
public interface ISoftDeletable
{
    /// <summary>When the row was soft-deleted (UTC), or null while it is live.</summary>
    DateTime? DeletedAt { get; set; }
}

/// <summary>
/// A row under optimistic concurrency: mapped to the <c>xmin</c> system column on PostgreSQL and to an INTEGER
/// incremented by the save interceptor on SQLite. A stale write becomes a 409 conflict.
/// </summary>
public interface IVersioned
{
    /// <summary>The row version as loaded.</summary>
    uint Version { get; set; }
}

/// <summary>Names of Strata's query filters, for lifting one with <c>IgnoreQueryFilters([name])</c>.</summary>
public static class StrataQueryFilters
{
    /// <summary>Hides soft-deleted rows.</summary>
    public const string SoftDelete = "SoftDelete";

    /// <summary>
    /// Hides rows of tenants the scope's user does not belong to: SQLite's stand-in for PostgreSQL row-level security
    /// (see docs/tenancy.md). Lifted only by the operations that legitimately cross tenants.
    /// </summary>
    public const string Tenant = "Tenant";
}
