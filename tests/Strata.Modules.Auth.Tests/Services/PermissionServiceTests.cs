using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

public sealed class PermissionServiceTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_permission_check_is_one_command_and_sees_inherited_keys(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Get<Strata.Data.Seeding.SeedRunner>().SeedAsync(new Strata.Data.Seeding.SeedOptions());
        var admin = await db.Get<IUserAdministration>().CreateAdministratorAsync($"a-{Guid.NewGuid():N}@example.com", "a long enough password", "Admin");

        await using var scope = db.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var allowed = await scope.ServiceProvider.GetRequiredService<IPermissionService>().HasPermissionAsync(admin.Id, AuthModule.RbacManage);

        Assert.True(allowed);
        Assert.Equal(1, session.CommandsExecuted);
    }

    [Theory, BothProviders]
    public async Task A_deleted_user_holds_no_permission(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await db.Get<Strata.Data.Seeding.SeedRunner>().SeedAsync(new Strata.Data.Seeding.SeedOptions());
        var admin = await db.Get<IUserAdministration>().CreateAdministratorAsync($"a-{Guid.NewGuid():N}@example.com", "a long enough password", "Admin");
        await db.Get<IUserAdministration>().DeleteUserAsync(Guid.NewGuid(), admin.Id);

        await using var scope = db.CreateScope();

        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IPermissionService>().GetUserPermissionsAsync(admin.Id));
    }
}
