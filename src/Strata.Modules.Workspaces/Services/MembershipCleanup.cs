using Strata.Data.Events;
using Strata.Modules.Auth.Events;
using Strata.Modules.Workspaces.Repositories;

namespace Strata.Modules.Workspaces.Services;

/// <summary>
/// A deleted user leaves every workspace, in the unit that deleted them; workspaces left without an owner keep their
/// data and are flagged (<see cref="WorkspaceDto.NeedsOwner"/>).
/// </summary>
internal sealed class MembershipCleanup(MemberRepository members, TimeProvider clock) : IDomainEventHandler<UserDeleted>
{
    public Task HandleAsync(UserDeleted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return members.RemoveUserAsync(domainEvent.UserId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
