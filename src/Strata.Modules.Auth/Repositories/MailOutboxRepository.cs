using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Repositories;

/// <summary>
/// The outbox as the dispatcher and the <c>strata mail</c> commands see it. A claim is one statement that marks due
/// messages <see cref="MailStatus.Sending"/> under a lease and counts the attempt; a claim is identified by the
/// message's attempt count, so only the dispatcher holding the latest claim records the outcome.
/// </summary>
internal sealed class MailOutboxRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<MailMessage>(context, cursors, clock)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages — queued ones whose time has come, and sending ones whose
    /// lease ran out (their dispatcher stopped) — oldest first, leased until <paramref name="leasedUntil"/>. PostgreSQL
    /// skips rows another dispatcher is claiming (<c>FOR UPDATE SKIP LOCKED</c>); SQLite's single writer serialises claims.
    /// </summary>
    public async Task<IReadOnlyList<MailMessage>> ClaimAsync(int batchSize, DateTime now, DateTime leasedUntil, CancellationToken cancellationToken)
    {
        var ids = await Context.Database.SqlQueryRaw<long>(ClaimSql(), now, leasedUntil, batchSize).ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : await Query.Where(m => ids.Contains(m.Id)).OrderBy(m => m.DueAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Records a delivery of the claim with <paramref name="attempts"/>, erasing both bodies; false when the claim was taken over.</summary>
    public async Task<bool> CompleteAsync(long id, int attempts, DateTime sentAt, string? providerMessageId, CancellationToken cancellationToken) =>
        await Claimed(id, attempts).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, MailStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.ProviderMessageId, providerMessageId)
            .SetProperty(m => m.BodyProtected, string.Empty)
            .SetProperty(m => m.HtmlProtected, string.Empty)
            .SetProperty(m => m.LeasedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.UpdatedAt, sentAt), cancellationToken) == 1;

    /// <summary>
    /// Records a failed attempt of the claim with <paramref name="attempts"/>: queued again for <paramref name="retryAt"/>,
    /// or <see cref="MailStatus.Failed"/> when <paramref name="retryAt"/> is null.
    /// </summary>
    public async Task<bool> RecordFailureAsync(long id, int attempts, DateTime now, DateTime? retryAt, string error, CancellationToken cancellationToken) =>
        await Claimed(id, attempts).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, retryAt is null ? MailStatus.Failed : MailStatus.Queued)
            .SetProperty(m => m.DueAt, retryAt ?? now)
            .SetProperty(m => m.LeasedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Hands an untried claim back: queued, due as it was, the attempt not counted.</summary>
    public Task<int> ReleaseAsync(long id, int attempts, CancellationToken cancellationToken) =>
        Claimed(id, attempts).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, MailStatus.Queued)
            .SetProperty(m => m.Attempts, attempts - 1)
            .SetProperty(m => m.LeasedUntil, (DateTime?)null), cancellationToken);

    /// <summary>Counts per status, and when the oldest queued message fell due.</summary>
    public async Task<MailOutboxStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var groups = await Query.GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount(), OldestDue = g.Min(m => (DateTime?)m.DueAt) })
            .ToListAsync(cancellationToken);
        long Count(string status) => groups.FirstOrDefault(g => g.Status == status)?.Count ?? 0;
        return new MailOutboxStatus(Count(MailStatus.Queued), Count(MailStatus.Sending), Count(MailStatus.Sent), Count(MailStatus.Failed),
            groups.FirstOrDefault(g => g.Status == MailStatus.Queued)?.OldestDue);
    }

    /// <summary>How many messages wait to be sent (queued or sending).</summary>
    public Task<int> QueueDepthAsync(CancellationToken cancellationToken) =>
        Query.CountAsync(m => m.Status == MailStatus.Queued || m.Status == MailStatus.Sending, cancellationToken);

    /// <summary>The newest <paramref name="limit"/> messages, or only the failed ones.</summary>
    public async Task<IReadOnlyList<MailMessage>> NewestAsync(bool failedOnly, int limit, CancellationToken cancellationToken) =>
        await Query.Where(m => !failedOnly || m.Status == MailStatus.Failed)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);

    /// <summary>Queues failed messages again, due now with a fresh count of attempts: one by public id, or all of them.</summary>
    public Task<int> RetryFailedAsync(Guid? publicId, DateTime now, CancellationToken cancellationToken) =>
        Set.Where(m => m.Status == MailStatus.Failed && (publicId == null || m.PublicId == publicId))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, MailStatus.Queued)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.DueAt, now)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);

    private IQueryable<MailMessage> Claimed(long id, int attempts) =>
        Set.Where(m => m.Id == id && m.Status == MailStatus.Sending && m.Attempts == attempts);

    // Names from the model, so the statement follows the conventions (auth.mail_outbox on PostgreSQL, auth_mail_outbox on SQLite).
    private string ClaimSql()
    {
        var entity = Context.Model.FindEntityType(typeof(MailMessage))!;
        var sql = Context.Database.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var table = Context.TableName<MailMessage>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var (id, status, attempts, due, leased, updated) = (Column(nameof(MailMessage.Id)), Column(nameof(MailMessage.Status)),
            Column(nameof(MailMessage.Attempts)), Column(nameof(MailMessage.DueAt)), Column(nameof(MailMessage.LeasedUntil)), Column(nameof(MailMessage.UpdatedAt)));
        var skipLocked = Context.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        return $$"""
            UPDATE {{table}} SET {{status}} = '{{MailStatus.Sending}}', {{attempts}} = {{attempts}} + 1, {{leased}} = {1}, {{updated}} = {0}
            WHERE {{id}} IN (SELECT {{id}} FROM {{table}}
                WHERE ({{status}} = '{{MailStatus.Queued}}' AND {{due}} <= {0}) OR ({{status}} = '{{MailStatus.Sending}}' AND {{leased}} <= {0})
                ORDER BY {{due}}, {{id}} LIMIT {2}{{skipLocked}})
            RETURNING {{id}} AS "Value"
            """;
    }
}

/// <summary>The outbox at a glance.</summary>
/// <param name="Queued">Waiting for an attempt.</param>
/// <param name="Sending">Claimed by a dispatcher.</param>
/// <param name="Sent">Delivered to the transport.</param>
/// <param name="Failed">Given up on.</param>
/// <param name="OldestDue">When the oldest queued message fell due.</param>
internal sealed record MailOutboxStatus(long Queued, long Sending, long Sent, long Failed, DateTime? OldestDue);
