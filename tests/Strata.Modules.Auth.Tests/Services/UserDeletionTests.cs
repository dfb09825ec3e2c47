using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Events;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

public sealed class UserDeletionTests(AuthTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Deleting_a_user_publishes_UserDeleted_in_the_same_unit(DatabaseProvider provider)
    {
        var seen = new List<Guid>();
        await using var db = await databases.FreshAsync(provider, services:
            services => services.AddSingleton<IDomainEventHandler<UserDeleted>>(new RecordingHandler(seen)));
        var user = await db.UserAsync();

        await db.Get<IUserAdministration>().DeleteUserAsync(Guid.NewGuid(), user);

        Assert.Equal([user], seen);
        Assert.NotNull(await db.ScalarAsync<string>(
            $"SELECT deleted_at FROM {db.Table("auth", "users")} WHERE public_id = '{(provider == DatabaseProvider.Sqlite ? user.ToString().ToUpperInvariant() : user.ToString())}'"));
    }

    private sealed class RecordingHandler(List<Guid> seen) : IDomainEventHandler<UserDeleted>
    {
        public Task HandleAsync(UserDeleted domainEvent, CancellationToken cancellationToken)
        {
            seen.Add(domainEvent.UserId);
            return Task.CompletedTask;
        }
    }
}
