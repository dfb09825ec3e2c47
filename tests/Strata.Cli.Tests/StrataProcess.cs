using System.Diagnostics;
using Npgsql;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>Runs the <c>strata</c> test host as a separate process, the way an operator or a deploy script runs it.</summary>
internal static class StrataProcess
{
    private static readonly string HostAssembly = LocateHost();
    private static readonly DirectoryInfo WorkingDirectory = Directory.CreateTempSubdirectory("strata-cli-");

    /// <summary>Runs <paramref name="arguments"/> against <paramref name="db"/> (provider and connection passed as options).</summary>
    public static Task<CliResult> RunAsync(TestDatabase db, params string[] arguments) =>
        RunAsync([.. arguments, "--provider", db.Provider.ToString(), "--connection", db.ConnectionString], environment: "Development");

    /// <summary>
    /// Runs <paramref name="arguments"/> against <paramref name="db"/> the way production does: on PostgreSQL serving
    /// with the application role and migrating with the owner, so every run ends with the application role's grants.
    /// </summary>
    public static Task<CliResult> RunWithSeparateRolesAsync(TestDatabase db, IReadOnlyDictionary<string, string>? variables, params string[] arguments) =>
        RunAsync([.. arguments, .. SeparateRoles(db)], environment: "Development", variables: variables);

    /// <summary>The provider and connection options of <see cref="RunWithSeparateRolesAsync"/>.</summary>
    public static string[] SeparateRoles(TestDatabase db) => db.Provider == DatabaseProvider.Postgres
        ?
        [
            "--provider", db.Provider.ToString(),
            "--connection", TestEnvironment.PostgresApplication(new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!),
            "--migrations-connection", db.ConnectionString,
        ]
        : ["--provider", db.Provider.ToString(), "--connection", db.ConnectionString];

    /// <summary>Runs <paramref name="arguments"/> as given; <paramref name="variables"/> are set in the process's environment.</summary>
    public static async Task<CliResult> RunAsync(
        string[] arguments, string environment = "Development", TimeSpan? timeout = null, string? standardInput = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var process = Start(arguments, environment, variables);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"strata {string.Join(' ', arguments)} did not finish in time.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the host without waiting (for tests that kill it).</summary>
    public static Process Start(string[] arguments, string environment = "Development", IReadOnlyDictionary<string, string>? variables = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // An empty folder of its own: no appsettings.json or project files of anyone else's in reach.
            WorkingDirectory = WorkingDirectory.FullName,
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        // The test defaults as a deploy would set them (Strata__Auth__PasswordIterations …), so the process hashes
        // cheaply too; the test's own variables come after and win.
        foreach (var (key, value) in StrataTestSettings.Defaults)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The strata test host could not be started.");
    }

    // tests/Strata.Cli.Tests/bin/<Configuration>/<tfm>/ → tests/Strata.Cli.TestHost/bin/<Configuration>/<tfm>/
    private static string LocateHost()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!;
        var tests = configuration.Parent!.Parent!.Parent!;
        var path = Path.Combine(tests.FullName, "Strata.Cli.TestHost", "bin", configuration.Name, tfm.Name, "Strata.Cli.TestHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the strata test host is missing.", path);
    }
}

/// <summary>What a strata process did.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
