namespace Strata.Modules.Auth.Services;

/// <summary>How other modules look users up: by public id (or, for seeders and tools, by email), in one command for any number of them.</summary>
public interface IUserDirectory
{
    /// <summary>The live user with this id, or null.</summary>
    Task<UserDto?> FindAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The live users with these ids in one command; unknown or deleted ids are left out.</summary>
    Task<IReadOnlyList<UserDto>> FindManyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>The live users with these email addresses (any case) in one command; unknown addresses are left out.</summary>
    Task<IReadOnlyList<UserDto>> FindManyByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken = default);
}
