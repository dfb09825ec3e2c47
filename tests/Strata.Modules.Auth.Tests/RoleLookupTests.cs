using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

/// <summary>An unknown role is one code, auth.role_not_found, whatever the operation (it was role.not_found for changes).</summary>
public sealed class RoleLookupTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Reading_an_unknown_role_answers_auth_role_not_found(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var refusal = await Assert.ThrowsAsync<NotFoundError>(() => db.Get<IRoleAdministration>().GetRoleAsync(Guid.NewGuid()));

        Assert.Equal("auth.role_not_found", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task Deleting_an_unknown_role_answers_auth_role_not_found(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var refusal = await Assert.ThrowsAsync<NotFoundError>(() => db.Get<IRoleAdministration>().DeleteRoleAsync(Guid.NewGuid(), Guid.NewGuid()));

        Assert.Equal("auth.role_not_found", refusal.Code);
    }
}
