namespace Strata.Modules.Auth.Services;

/// <summary>Managing users from the outside: the bootstrap administrator, deletion.</summary>
public interface IUserAdministration
{
    /// <summary>Creates a user with a password and grants them the <c>admin</c> role (the bootstrap administrator).</summary>
    Task<UserDto> CreateAdministratorAsync(string email, string password, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes (soft) a user: revokes every session and publishes <c>UserDeleted</c> in the same transaction.</summary>
    Task DeleteUserAsync(Guid actorId, Guid userId, CancellationToken cancellationToken = default);
}
