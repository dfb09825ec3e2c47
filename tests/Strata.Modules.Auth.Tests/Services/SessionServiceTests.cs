using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strata.Data.Configuration;
using Strata.Data.Security;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

/// <summary>
/// Session authentication with the session cache, on committed databases: what one instance answers from memory, what
/// a revocation stops at once on the instance that made it, and how long another instance (a second service provider
/// on the same database, on the same clock) may still accept it.
/// </summary>
public sealed class SessionServiceTests(AuthTestDatabases databases)
{
    private const string NewPassword = "a brand new passphrase";

    /// <summary>The bound the documentation states: the default cache duration.</summary>
    private static readonly TimeSpan CacheDuration = new AuthOptions().SessionCacheDuration;

    [Theory, BothProviders]
    public async Task A_cached_session_answers_without_a_database_command(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var signedIn = await instance.SignUpAsync();

        var (first, lookup) = await instance.AuthenticateAsync(signedIn.Session.Token);
        var (second, hit) = await instance.AuthenticateAsync(signedIn.Session.Token);

        Assert.Equal((1, 0), (lookup, hit));
        Assert.Equal(first, second);
    }

    [Theory, BothProviders]
    public async Task An_unknown_token_is_looked_up_every_time_and_never_cached(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var token = UnknownToken();

        var (first, firstCommands) = await instance.AuthenticateAsync(token);
        var (second, secondCommands) = await instance.AuthenticateAsync(token);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal((1, 1), (firstCommands, secondCommands));
        Assert.Equal(0, instance.Cache.Count);
    }

    [Theory, BothProviders]
    public async Task Signing_out_stops_the_token_at_once_on_the_same_instance(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var signedIn = await instance.SignUpAsync();
        var (session, _) = await instance.AuthenticateAsync(signedIn.Session.Token);

        await instance.UseAsync<ISessionAuthenticator>(s => s.SignOutAsync(signedIn.User.Id, session!.SessionId, ClientInfo.None));

        Assert.Null((await instance.AuthenticateAsync(signedIn.Session.Token)).Session);
    }

    [Theory, BothProviders]
    public async Task Revoking_one_session_stops_it_at_once_and_leaves_the_others_cached(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var first = await instance.SignUpAsync();
        var second = await instance.SignInAsync(first.User.Email);
        var (revoked, _) = await instance.AuthenticateAsync(first.Session.Token);
        var (kept, _) = await instance.AuthenticateAsync(second.Session.Token);

        await instance.UseAsync<IUserSessions>(s => s.RevokeSessionAsync(first.User.Id, revoked!.SessionId, ClientInfo.None));

        Assert.Null((await instance.AuthenticateAsync(first.Session.Token)).Session);
        Assert.Equal((kept, 0), await instance.AuthenticateAsync(second.Session.Token));
    }

    [Theory, BothProviders]
    public async Task A_password_reset_stops_every_cached_session_of_the_user_at_once(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var first = await instance.SignUpAsync();
        var second = await instance.SignInAsync(first.User.Email);
        await instance.AuthenticateAsync(first.Session.Token);
        await instance.AuthenticateAsync(second.Session.Token);

        await instance.ResetPasswordAsync(first.User.Email);

        Assert.Null((await instance.AuthenticateAsync(first.Session.Token)).Session);
        Assert.Null((await instance.AuthenticateAsync(second.Session.Token)).Session);
    }

    [Theory, BothProviders]
    public async Task Deleting_a_user_stops_their_cached_sessions_at_once(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var signedIn = await instance.SignUpAsync();
        await instance.AuthenticateAsync(signedIn.Session.Token);

        await instance.UseAsync<IUserAdministration>(s => s.DeleteUserAsync(Guid.NewGuid(), signedIn.User.Id));

        Assert.Null((await instance.AuthenticateAsync(signedIn.Session.Token)).Session);
    }

    [Theory, BothProviders]
    public async Task Another_instance_accepts_a_signed_out_token_until_the_cache_duration_passes(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        await using var other = instance.Another(databases);
        var signedIn = await instance.SignUpAsync();
        var (session, _) = await other.AuthenticateAsync(signedIn.Session.Token);

        await instance.UseAsync<ISessionAuthenticator>(s => s.SignOutAsync(signedIn.User.Id, session!.SessionId, ClientInfo.None));
        instance.Clock.Advance(CacheDuration - TimeSpan.FromTicks(1));
        var withinTheBound = await other.AuthenticateAsync(signedIn.Session.Token);
        instance.Clock.Advance(TimeSpan.FromTicks(1));
        var atTheBound = await other.AuthenticateAsync(signedIn.Session.Token);

        Assert.NotNull(withinTheBound.Session);
        Assert.Null(atTheBound.Session);
    }

    [Theory, BothProviders]
    public async Task Another_instance_accepts_sessions_revoked_by_a_reset_until_the_cache_duration_passes(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        await using var other = instance.Another(databases);
        var first = await instance.SignUpAsync();
        var second = await instance.SignInAsync(first.User.Email);
        await other.AuthenticateAsync(first.Session.Token);
        await other.AuthenticateAsync(second.Session.Token);

        await instance.ResetPasswordAsync(first.User.Email);
        instance.Clock.Advance(CacheDuration - TimeSpan.FromTicks(1));
        var withinTheBound = new[] { await other.AuthenticateAsync(first.Session.Token), await other.AuthenticateAsync(second.Session.Token) };
        instance.Clock.Advance(TimeSpan.FromTicks(1));
        var atTheBound = new[] { await other.AuthenticateAsync(first.Session.Token), await other.AuthenticateAsync(second.Session.Token) };

        Assert.All(withinTheBound, answer => Assert.NotNull(answer.Session));
        Assert.All(atTheBound, answer => Assert.Null(answer.Session));
    }

    [Theory, BothProviders]
    public async Task A_cached_session_is_renewed_once_the_renewal_interval_passes(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider, new()
        {
            [Setting(nameof(AuthOptions.SessionRenewalInterval))] = "00:00:10",
            [Setting(nameof(AuthOptions.SessionCacheDuration))] = "00:01:00",
        });
        var signedIn = await instance.SignUpAsync();
        instance.Clock.Advance(TimeSpan.FromSeconds(5));
        var (cached, _) = await instance.AuthenticateAsync(signedIn.Session.Token);

        instance.Clock.Advance(TimeSpan.FromSeconds(5));
        var (renewed, _) = await instance.AuthenticateAsync(signedIn.Session.Token);

        var now = instance.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(signedIn.Session.ExpiresAt, cached!.ExpiresAt);
        Assert.Equal(now + new AuthOptions().SessionLifetime, renewed!.ExpiresAt);
        var stored = await instance.UseAsync<IUserSessions, IReadOnlyList<SessionInfo>>(s => s.ListSessionsAsync(signedIn.User.Id, renewed.SessionId));
        Assert.Equal((now, renewed.ExpiresAt), (stored.Single().LastUsedAt, stored.Single().ExpiresAt));
    }

    [Theory, BothProviders]
    public async Task A_cached_session_is_refused_the_moment_it_expires(DatabaseProvider provider)
    {
        // The session is issued by an instance with short sessions and cached by one that renews only daily, so the
        // expiry comes long before the renewal and the cache duration: only the expiry can end the entry on time.
        await using var instance = await InstanceAsync(provider, new()
        {
            [Setting(nameof(AuthOptions.SessionLifetime))] = "00:01:00",
            [Setting(nameof(AuthOptions.SessionRenewalInterval))] = "00:01:00",
        });
        await using var other = instance.Another(databases, new() { [Setting(nameof(AuthOptions.SessionCacheDuration))] = "00:05:00" });
        var signedIn = await instance.SignUpAsync();
        instance.Clock.Advance(TimeSpan.FromSeconds(59));
        var (beforeExpiry, _) = await other.AuthenticateAsync(signedIn.Session.Token);

        instance.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.NotNull(beforeExpiry);
        Assert.Null((await other.AuthenticateAsync(signedIn.Session.Token)).Session);
    }

    [Theory, BothProviders]
    public async Task A_cache_duration_of_zero_looks_every_request_up(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider, new() { [Setting(nameof(AuthOptions.SessionCacheDuration))] = "00:00:00" });
        var signedIn = await instance.SignUpAsync();

        var first = await instance.AuthenticateAsync(signedIn.Session.Token);
        var second = await instance.AuthenticateAsync(signedIn.Session.Token);

        Assert.Equal((1, 1), (first.Commands, second.Commands));
        Assert.Equal(0, instance.Cache.Count);
    }

    [Theory, BothProviders]
    public async Task Confirming_the_email_shows_in_the_session_at_once_on_the_same_instance(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var signedIn = await instance.SignUpAsync();
        await instance.AuthenticateAsync(signedIn.Session.Token);

        await instance.UseAsync<IEmailVerification>(s => s.RequestEmailVerificationAsync(signedIn.User.Id));
        await instance.UseAsync<IEmailVerification, UserDto>(s => s.ConfirmEmailAsync(instance.Mail.LastCode(signedIn.User.Email, "email_verification")));

        Assert.True((await instance.AuthenticateAsync(signedIn.Session.Token)).Session!.User.EmailVerified);
    }

    [Theory, BothProviders]
    public async Task A_user_changed_elsewhere_shows_in_the_session_once_the_cache_duration_passes(DatabaseProvider provider)
    {
        await using var instance = await InstanceAsync(provider);
        var signedIn = await instance.SignUpAsync();
        await instance.AuthenticateAsync(signedIn.Session.Token);

        await instance.Database.VerifyEmailAsync(signedIn.User.Id);
        instance.Clock.Advance(CacheDuration - TimeSpan.FromTicks(1));
        var withinTheBound = await instance.AuthenticateAsync(signedIn.Session.Token);
        instance.Clock.Advance(TimeSpan.FromTicks(1));
        var atTheBound = await instance.AuthenticateAsync(signedIn.Session.Token);

        Assert.False(withinTheBound.Session!.User.EmailVerified);
        Assert.True(atTheBound.Session!.User.EmailVerified);
    }

    private static string Setting(string name) => $"{AuthOptions.SectionName}:{name}";

    /// <summary>A well-formed token no session has.</summary>
    private static string UnknownToken() => SecretTokens.New();

    private async Task<Instance> InstanceAsync(DatabaseProvider provider, Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var mail = new CapturingMailSender();
        var db = await databases.FreshAsync(provider, settings, services => Instance.Register(services, clock, mail));
        return new Instance(db, db.Root, clock, mail, owned: null);
    }

    /// <summary>One instance of the application: a service provider with its own session cache, on the test's database and clock.</summary>
    private sealed class Instance(TestDatabase database, IServiceProvider root, FakeTimeProvider clock, CapturingMailSender mail, ServiceProvider? owned)
        : IAsyncDisposable
    {
        public TestDatabase Database { get; } = database;

        public FakeTimeProvider Clock { get; } = clock;

        public CapturingMailSender Mail { get; } = mail;

        public SessionCache Cache => root.GetRequiredService<SessionCache>();

        public static void Register(IServiceCollection services, FakeTimeProvider clock, CapturingMailSender mail)
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddScoped<IMailSender>(_ => mail);
        }

        /// <summary>A second instance on the same database and clock (settings on top of the defaults, not of this one's).</summary>
        public Instance Another(AuthTestDatabases databases, Dictionary<string, string?>? settings = null)
        {
            var services = databases.ServicesFor(Database, settings, s => Register(s, Clock, Mail));
            return new Instance(Database, services, Clock, Mail, services);
        }

        /// <summary>Authenticates <paramref name="token"/> as one request would, in a scope of its own; with the commands it sent.</summary>
        public async Task<(AuthenticatedSession? Session, int Commands)> AuthenticateAsync(string token)
        {
            await using var scope = root.CreateAsyncScope();
            var session = await scope.ServiceProvider.GetRequiredService<ISessionAuthenticator>().AuthenticateAsync(token);
            return (session, scope.ServiceProvider.GetRequiredService<DatabaseSession>().CommandsExecuted);
        }

        public Task<AuthResult> SignUpAsync() =>
            UseAsync<IPasswordSignIn, AuthResult>(s => s.SignUpAsync(TestUsers.NewEmail(), TestUsers.Password, "User", ClientInfo.None));

        public Task<AuthResult> SignInAsync(string email) =>
            UseAsync<IPasswordSignIn, AuthResult>(s => s.SignInAsync(email, TestUsers.Password, ClientInfo.None));

        public async Task ResetPasswordAsync(string email)
        {
            await UseAsync<IPasswordManagement>(s => s.ForgotPasswordAsync(email, ClientInfo.None));
            await UseAsync<IPasswordManagement>(s => s.ResetPasswordAsync(Mail.LastCode(email, "password_reset"), NewPassword, ClientInfo.None));
        }

        public async Task UseAsync<TService>(Func<TService, Task> use)
            where TService : notnull
        {
            await using var scope = root.CreateAsyncScope();
            await use(scope.ServiceProvider.GetRequiredService<TService>());
        }

        /// <summary>Runs <paramref name="use"/> in a scope of its own: one request.</summary>
        public async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use)
            where TService : notnull
        {
            await using var scope = root.CreateAsyncScope();
            return await use(scope.ServiceProvider.GetRequiredService<TService>());
        }

        public async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
            else
            {
                await Database.DisposeAsync();
            }
        }
    }
}
