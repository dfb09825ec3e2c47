using System.Diagnostics;

namespace Strata.Testing;

/// <summary>
/// Another process holding an exclusive lock on a file: flock(1) takes the same kind of lock .NET takes for
/// <see cref="FileShare.None"/> on Unix, so killing it (SIGKILL) is a lock holder — a migrator — dying mid-run.
/// </summary>
public static class FileLockHolder
{
    /// <summary>Starts the holder and returns once it holds the lock.</summary>
    public static async Task<Process> StartAsync(string path)
    {
        var holder = Process.Start(new ProcessStartInfo("flock", ["--no-fork", "-x", path, "sleep", "120"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("flock could not be started.");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                }

                await Task.Delay(50);
            }
            catch (IOException)
            {
                return holder;
            }
        }

        holder.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The lock holder never took the lock.");
    }
}
