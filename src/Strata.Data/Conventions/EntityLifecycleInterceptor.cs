using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;

namespace Strata.Data.Conventions;

/// <summary>
/// Stamps rows as they are saved: UUIDv7 public ids and <c>created_at</c> on insert, <c>updated_at</c> on every
/// write, and on SQLite the row version increment (PostgreSQL's <c>xmin</c> moves by itself).
/// <c>ExecuteUpdate</c> bypasses this, so bulk updates set <c>updated_at</c> and the version themselves.
/// </summary>
internal sealed class EntityLifecycleInterceptor(TimeProvider clock) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        var now = clock.GetUtcNow();
        var versionByInterceptor = context is StrataDbContext { Provider: DatabaseProvider.Sqlite };
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is StrataEntity row)
            {
                switch (entry.State)
                {
                    case EntityState.Added:
                        if (row.PublicId == Guid.Empty)
                        {
                            row.PublicId = Guid.CreateVersion7(now);
                        }

                        row.CreatedAt = now.UtcDateTime;
                        row.UpdatedAt = now.UtcDateTime;
                        break;
                    case EntityState.Modified:
                        row.UpdatedAt = now.UtcDateTime;
                        entry.Property(nameof(StrataEntity.CreatedAt)).IsModified = false;
                        entry.Property(nameof(StrataEntity.PublicId)).IsModified = false;
                        break;
                }
            }

            if (versionByInterceptor && entry.Entity is IVersioned versioned)
            {
                if (entry.State == EntityState.Added)
                {
                    versioned.Version = 1;
                }
                else if (entry.State == EntityState.Modified)
                {
                    versioned.Version = (uint)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
                }
            }
        }
    }
}
