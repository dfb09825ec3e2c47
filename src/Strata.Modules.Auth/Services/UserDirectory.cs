using Strata.Modules.Auth.Repositories;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class UserDirectory(UserRepository users) : IUserDirectory
{
    public async Task<UserDto?> FindAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await users.FindByPublicIdAsync(userId, cancellationToken) is { } user ? UserDto.From(user) : null;

    public async Task<IReadOnlyList<UserDto>> FindManyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        [.. (await users.FindManyByPublicIdsAsync(userIds, cancellationToken)).Select(UserDto.From)];

    public async Task<IReadOnlyList<UserDto>> FindManyByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken = default) =>
        [.. (await users.FindManyByEmailAsync(emails, cancellationToken)).Select(UserDto.From)];
}
