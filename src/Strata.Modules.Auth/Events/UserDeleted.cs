using Strata.Data.Events;

namespace Strata.Modules.Auth.Events;

/// <summary>A user was deleted (soft); modules drop what they hold for that user in the same transaction.</summary>
/// <param name="UserId">The user's public id.</param>
public sealed record UserDeleted(Guid UserId) : IDomainEvent;
