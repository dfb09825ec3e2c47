using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class AuditLogRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<AuditLogEntry>(context, cursors, clock)
{
    private static readonly SortMap<AuditLogEntry> SortFields = new SortMap<AuditLogEntry>("-occurredAt").Add("occurredAt", a => a.OccurredAt);

    protected override SortMap<AuditLogEntry> Sorts => SortFields;
}
