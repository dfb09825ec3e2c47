using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// The sessions this instance recently found live, by the SHA-256 of their token (never the token), so a request
/// within <see cref="AuthOptions.SessionCacheDuration"/> of the last lookup needs none. An entry never outlives the
/// session's expiry nor the moment its renewal falls due, so both still reach the database exactly on time.
/// Revocations made through this instance forget their entries at once; other instances hold theirs until the entry
/// ends — that duration is the bound on how long a revoked session still works elsewhere.
/// </summary>
/// <remarks>
/// Only hits are kept: a miss costs one indexed lookup either way, and remembering misses would let a flood of random
/// tokens fill the cache (and would delay a freshly signed-in token on another instance). At most <see cref="Capacity"/>
/// entries (each a few hundred bytes: the hash, the user's DTO, the session id, expiry and the entry's own end); when
/// full, ended entries are swept and, if none ended, the new session is simply not cached.
/// </remarks>
internal sealed class SessionCache(IOptions<AuthOptions> options)
{
    /// <summary>Most entries held: a few MB at worst; past it requests only lose the shortcut.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Adds and forgets take the lock; hits never do.
    private readonly Lock _changes = new();
    private long _generation;

    /// <summary>
    /// Changes whenever sessions are forgotten. Read it before looking a session up and hand it to <see cref="Remember"/>:
    /// a lookup that overlapped a revocation may have read the row before it, so its answer is not cached.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many entries are held, ended or not.</summary>
    public int Count => _entries.Count;

    /// <summary>The cached session of <paramref name="tokenHash"/>, or null when there is none or its entry has ended.</summary>
    public AuthenticatedSession? Find(string tokenHash, DateTime now)
    {
        if (!_entries.TryGetValue(tokenHash, out var entry))
        {
            return null;
        }

        if (now < entry.Until)
        {
            return entry.Session;
        }

        // Only this entry: a concurrent lookup may already have put a fresh one in its place.
        _entries.TryRemove(KeyValuePair.Create(tokenHash, entry));
        return null;
    }

    /// <summary>
    /// Caches a session just found live, until the earliest of the cache duration, the session's expiry and
    /// <paramref name="renewalDueAt"/>; nothing when the cache is off, a revocation ran since
    /// <paramref name="generation"/> was read, or the cache is full of live entries.
    /// </summary>
    public void Remember(string tokenHash, long userId, AuthenticatedSession session, DateTime renewalDueAt, DateTime now, long generation)
    {
        var duration = options.Value.SessionCacheDuration;
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        var until = new[] { now + duration, session.ExpiresAt, renewalDueAt }.Min();
        lock (_changes)
        {
            if (generation != _generation || (_entries.Count >= Capacity && !SweepEnded(now)))
            {
                return;
            }

            _entries[tokenHash] = new Entry(userId, session, until);
        }
    }

    /// <summary>Forgets one session (it was revoked). Call it after the revoking unit committed.</summary>
    public void ForgetSession(string tokenHash)
    {
        lock (_changes)
        {
            Interlocked.Increment(ref _generation);
            _entries.TryRemove(tokenHash, out _);
        }
    }

    /// <summary>
    /// Forgets every session of a user (all revoked, or the user changed). Call it after the unit committed. A scan of
    /// at most <see cref="Capacity"/> entries: rare (a reset, a deletion, a confirmed email) next to the hits it spares.
    /// </summary>
    public void ForgetUser(long userId)
    {
        lock (_changes)
        {
            Interlocked.Increment(ref _generation);
            foreach (var entry in _entries)
            {
                if (entry.Value.UserId == userId)
                {
                    _entries.TryRemove(entry);
                }
            }
        }
    }

    /// <summary>Removes ended entries; true when there is room afterwards.</summary>
    private bool SweepEnded(DateTime now)
    {
        foreach (var entry in _entries)
        {
            if (now >= entry.Value.Until)
            {
                _entries.TryRemove(entry);
            }
        }

        return _entries.Count < Capacity;
    }

    /// <summary>A cached session: whose it is (to forget a user's), what the request gets, and until when.</summary>
    private sealed record Entry(long UserId, AuthenticatedSession Session, DateTime Until);
}
