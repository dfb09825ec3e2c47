using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// Keeps a Data Protection key valid for at least a week ahead, created outside any unit of work. Data Protection
/// would otherwise create the next key inline, inside whichever request first needs it — and on SQLite that request's
/// transaction holds the write lock the key repository's own connection waits for. (Data Protection's own hosted
/// service creates the first key when the host starts.)
/// </summary>
internal sealed class DataProtectionKeyKeeper(IKeyManager keys, TimeProvider clock, ILogger<DataProtectionKeyKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan Lead = TimeSpan.FromDays(7);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromHours(6);

    /// <summary>Creates a key when none stays valid for <see cref="Lead"/> from now.</summary>
    public void EnsureKeyAhead()
    {
        var now = clock.GetUtcNow();
        var covered = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now + Lead);
        if (!covered)
        {
            var key = keys.CreateNewKey(now, now + Lifetime);
            logger.LogInformation("Created Data Protection key {KeyId}, valid until {Expiration:u}.", key.KeyId, key.ExpirationDate);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        do
        {
            try
            {
                EnsureKeyAhead();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down; the next tick tries again, and existing keys keep working meanwhile.
                logger.LogWarning(ex, "Could not check the Data Protection key ring.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
