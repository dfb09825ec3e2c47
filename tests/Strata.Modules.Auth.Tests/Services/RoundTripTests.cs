using Microsoft.Extensions.DependencyInjection;
using Strata.Modules.Auth.Services;
using Strata.Testing;
using Strata.Testing.RoundTrips;

namespace Strata.Modules.Auth.Tests.Services;

/// <summary>Round trips of request authentication on PostgreSQL, in a new scope as a request runs it (see <see cref="RoundTripProxy"/>).</summary>
public sealed class RoundTripTests(AuthTestDatabases databases)
{
    [Fact]
    public async Task Authenticating_a_valid_token_that_needs_no_renewal_is_one_round_trip()
    {
        await using var proxy = RoundTripProxy.StartForTestServer();
        await using var db = await databases.FreshThroughAsync(proxy);
        // Signed up on another instance, so nothing this instance remembers of the sign-up can answer for the database.
        string token;
        await using (var otherInstance = databases.ServicesFor(db))
        await using (var signUp = otherInstance.CreateAsyncScope())
        {
            token = (await signUp.ServiceProvider.GetRequiredService<IPasswordSignIn>().SignUpAsync(TestUsers.NewEmail(), TestUsers.Password, "User", ClientInfo.None)).Session.Token;
        }

        await proxy.CountAsync(async () =>
        {
            await using var scope = db.CreateScope();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ISessionAuthenticator>().AuthenticateAsync(token));
        });

        RoundTripAssert.Trips(1, proxy, "the session and its user in one query, no renewal write");
    }
}
