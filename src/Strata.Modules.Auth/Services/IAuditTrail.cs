using Strata.Modules.Auth.Events;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// The audit log's one way in, for every module: records an <see cref="AuditEvent"/> in the caller's transaction, so
/// the row exists exactly when the change does, and every row has the same shape.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records a security event; <paramref name="client"/> is <see cref="ClientInfo.None"/> when there is none.</summary>
    /// <param name="action">What happened (<see cref="AuditActions"/>, or a module's own vocabulary).</param>
    /// <param name="actorId">Who did it (a user's public id), when known.</param>
    /// <param name="target">What it was done to, named by <see cref="AuditTargets"/> (<c>user:{id}</c>, <c>workspace:{id}</c>).</param>
    /// <param name="outcome"><see cref="AuditOutcomes.Success"/> or <see cref="AuditOutcomes.Failure"/>.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <param name="metadata">Extra facts, in order; never secrets.</param>
    Task RecordAsync(
        string action, Guid? actorId, string? target, string outcome, ClientInfo client, CancellationToken cancellationToken,
        params (string Key, string Value)[] metadata);
}
