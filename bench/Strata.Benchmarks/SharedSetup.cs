namespace Strata.Benchmarks;

/// <summary>
/// Arranged data a suite's benchmark cases share within one process. BenchmarkDotNet runs a suite's global set-up once
/// per case; out of process every case is a new process anyway, but the in-process smoke run would arrange the same
/// databases once per case. The value lives until the process ends, and is disposed then if it is disposable.
/// </summary>
internal static class SharedSetup<T>
{
    private static Task<T>? s_value;

    /// <summary>The value, created by <paramref name="create"/> on first use in this process.</summary>
    public static Task<T> GetAsync(Func<Task<T>> create)
    {
        if (s_value is null)
        {
            s_value = create();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                if (s_value.IsCompletedSuccessfully && s_value.Result is IAsyncDisposable disposable)
                {
                    disposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            };
        }

        return s_value;
    }
}
