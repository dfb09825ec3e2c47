using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Strata.Data.Configuration;
using Strata.Data.Diagnostics;
using Strata.Data.Errors;

namespace Strata.Data.Sessions;

/// <summary>
/// The whole-unit retry policy, built once per application: serialization failures, deadlocks, connection loss
/// before commit and SQLite busy/locked, bounded and jittered. A failure during COMMIT arrives wrapped in
/// <see cref="CommitOutcomeUnknownException"/> and is never retried: the unit may already have been applied.
/// </summary>
internal sealed class UnitOfWorkRetry
{
    public UnitOfWorkRetry(IOptions<StrataDatabaseOptions> options, ILogger<UnitOfWorkRetry> logger)
    {
        var settings = options.Value;
        var provider = settings.EffectiveProvider.ToString();
        Pipeline = settings.MaxRetryAttempts == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } ex && ex is not CommitOutcomeUnknownException && DatabaseErrorTranslator.IsTransient(ex)),
                    MaxRetryAttempts = settings.MaxRetryAttempts,
                    Delay = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMs),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    OnRetry = args =>
                    {
                        StrataMetrics.Retries.Add(1, new KeyValuePair<string, object?>("provider", provider));
                        logger.LogWarning("Retrying a unit of work after a transient database failure (retry {Attempt}): {Error}",
                            args.AttemptNumber + 1, args.Outcome.Exception?.GetType().Name);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    public ResiliencePipeline Pipeline { get; }
}

/// <summary>COMMIT failed: whether the unit was applied is unknown, so it must not run again.</summary>
internal sealed class CommitOutcomeUnknownException(Exception innerException)
    : Exception("The commit failed; the unit of work may or may not have been applied.", innerException);
