using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Strata.Testing;

/// <summary>
/// A logger provider that keeps every formatted message with the scopes it was logged in, for asserting what was (and
/// was not) logged.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            logs._scopes.ForEachScope((scope, found) => found.Add(scope), scopes);
            logs._entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception)) { Scopes = scopes });
        }
    }
}

/// <summary>One captured log entry.</summary>
/// <param name="Category">Logger category.</param>
/// <param name="Level">Level.</param>
/// <param name="Message">Formatted message.</param>
public sealed record CapturedLog(string Category, LogLevel Level, string Message)
{
    /// <summary>The scopes the entry was logged in, outermost first.</summary>
    public IReadOnlyList<object?> Scopes { get; init; } = [];
}
