namespace Strata.Modules.Auth.Services;

/// <summary>What a user may do: the permissions of their roles, inherited roles included, plus direct grants.</summary>
public interface IPermissionService
{
    /// <summary>
    /// The user's permission keys, sorted: every role granted to the user and each role up its parent chain (one
    /// recursive query on both providers), plus permissions granted to the user directly.
    /// </summary>
    Task<IReadOnlyList<string>> GetUserPermissionsAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Whether the user holds <paramref name="permission"/>.</summary>
    Task<bool> HasPermissionAsync(Guid userId, string permission, CancellationToken cancellationToken = default);
}
