using System.Diagnostics;
using System.Globalization;

namespace Strata.Data.Migrations;

/// <summary>
/// A test hook for the reliability suite, inert unless the environment variable <c>STRATA_TEST_KILL_AT</c> is set:
/// <c>STRATA_TEST_KILL_AT=&lt;point&gt;:&lt;n&gt;</c> kills the process (SIGKILL: no clean-up, no finally, as <c>kill -9</c>)
/// the n-th time a migration run reaches <c>point</c>, so a test can stop a run at the same place every time and check
/// that the next run recovers. Points: <see cref="LockAcquired"/>, <see cref="MigrationCommitted"/>, <see cref="MigrationLogged"/>.
/// </summary>
internal static class MigrationKillSwitch
{
    /// <summary>The environment variable naming the point and the occurrence.</summary>
    public const string Variable = "STRATA_TEST_KILL_AT";

    /// <summary>The run holds the migration lock and has done nothing else yet.</summary>
    public const string LockAcquired = "lock-acquired";

    /// <summary>EF has committed one migration (applied or reverted); Strata has not logged it yet.</summary>
    public const string MigrationCommitted = "migration-committed";

    /// <summary>Strata has logged one migration; the module's next migration has not started.</summary>
    public const string MigrationLogged = "migration-logged";

    private static readonly string? Setting = Environment.GetEnvironmentVariable(Variable);
    private static int _reached;

    /// <summary>Kills the process when <paramref name="point"/> is the configured point, reached for the configured time.</summary>
    public static void Reach(string point)
    {
        if (Setting is null)
        {
            return;
        }

        var separator = Setting.LastIndexOf(':');
        if (separator < 0 || Setting[..separator] != point ||
            !int.TryParse(Setting[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence) ||
            Interlocked.Increment(ref _reached) != occurrence)
        {
            return;
        }

        Console.Error.WriteLine($"{Variable}={Setting}: killing the process.");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
