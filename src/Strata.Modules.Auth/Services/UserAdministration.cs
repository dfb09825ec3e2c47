using Strata.Data.Errors;
using Strata.Data.Events;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Seed;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class UserAdministration(
    DatabaseSession database, IPasswordSignIn signIn, UserRepository users, SessionRepository sessions, SessionCache cachedSessions, PasskeyRepository passkeys,
    RoleRepository roles, IRoleAdministration administration, IDomainEventPublisher events, IAuditTrail audit, TimeProvider clock) : IUserAdministration
{
    public Task<UserDto> CreateAdministratorAsync(string email, string password, string name, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var created = await signIn.SignUpAsync(email, password, name, ClientInfo.None, token);
            var admin = (await roles.ListAsync(r => r.NormalizedName == "ADMIN", cancellationToken: token)).SingleOrDefault()
                ?? throw new ConflictError("auth.roles_not_seeded", $"The '{AuthReferenceSeeder.AdminRole}' role does not exist; run 'strata db seed' first.");
            await administration.SetUserRoleAsync(created.User.Id, created.User.Id, admin.PublicId, granted: true, token);
            return created.User;
        }, cancellationToken: cancellationToken);

    /// <remarks>The user's sessions leave this instance's cache once the unit returns; other instances' within <c>Strata:Auth:SessionCacheDuration</c>.</remarks>
    public async Task DeleteUserAsync(Guid actorId, Guid userId, CancellationToken cancellationToken = default)
    {
        var deleted = await database.InTransactionAsync(async token =>
        {
            var user = await users.GetTrackedAsync(userId, token);
            await users.SoftDeleteAsync(user, token);
            await sessions.RevokeAllAsync(user.Id, clock.GetUtcNow().UtcDateTime, token);
            // Credentials go with the account: a restored user registers passkeys again.
            await passkeys.DeleteAllAsync(user.Id, token);
            await events.PublishAsync(new UserDeleted(userId), token);
            await audit.RecordAsync(AuditActions.UserDeleted, actorId, AuditTargets.User(userId), AuditOutcomes.Success, ClientInfo.None, token);
            return user.Id;
        }, cancellationToken: cancellationToken);
        cachedSessions.ForgetUser(deleted);
    }
}
