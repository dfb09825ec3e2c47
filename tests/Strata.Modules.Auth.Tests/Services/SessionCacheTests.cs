using Microsoft.Extensions.Options;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Tests;

/// <summary>The cache's own rules, which need no database: its size bound, its sweep, and lookups that overlap a revocation.</summary>
public sealed class SessionCacheTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_cache_holds_no_more_than_its_capacity()
    {
        var cache = new SessionCache(Options.Create(new AuthOptions()));

        for (var i = 0; i <= SessionCache.Capacity; i++)
        {
            Remember(cache, $"hash-{i}", Now);
        }

        Assert.Equal(SessionCache.Capacity, cache.Count);
        Assert.Null(cache.Find($"hash-{SessionCache.Capacity}", Now));
    }

    [Fact]
    public void A_full_cache_makes_room_by_sweeping_ended_entries()
    {
        var settings = new AuthOptions();
        var cache = new SessionCache(Options.Create(settings));
        for (var i = 0; i < SessionCache.Capacity; i++)
        {
            Remember(cache, $"hash-{i}", Now);
        }

        var later = Now + settings.SessionCacheDuration;
        var session = Remember(cache, "newcomer", later);

        Assert.Equal(1, cache.Count);
        Assert.Same(session, cache.Find("newcomer", later));
    }

    [Fact]
    public void A_lookup_that_overlapped_a_revocation_is_not_cached()
    {
        var cache = new SessionCache(Options.Create(new AuthOptions()));
        var generation = cache.Generation;

        cache.ForgetUser(userId: 2);
        cache.Remember("hash", userId: 1, Session(), Now.AddDays(1), Now, generation);

        Assert.Null(cache.Find("hash", Now));
    }

    [Fact]
    public void Forgetting_a_user_forgets_only_that_users_sessions()
    {
        var cache = new SessionCache(Options.Create(new AuthOptions()));
        Remember(cache, "theirs", Now, userId: 1);
        var mine = Remember(cache, "mine", Now, userId: 2);

        cache.ForgetUser(userId: 1);

        Assert.Null(cache.Find("theirs", Now));
        Assert.Same(mine, cache.Find("mine", Now));
    }

    private static AuthenticatedSession Remember(SessionCache cache, string tokenHash, DateTime now, long userId = 1)
    {
        var session = Session();
        cache.Remember(tokenHash, userId, session, now.AddDays(1), now, cache.Generation);
        return session;
    }

    private static AuthenticatedSession Session() =>
        new(new UserDto(Guid.NewGuid(), "user@example.com", "User", EmailVerified: false, Image: null, Now), Guid.NewGuid(), Now.AddDays(7));
}
