namespace Strata.CommandLine;

/// <summary>What <c>strata</c> exits with.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command failed, or found problems (<c>verify</c> findings, a refused operation, a database error).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing or conflicting arguments.</summary>
    public const int Usage = 2;
}
