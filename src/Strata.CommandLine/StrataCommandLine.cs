using System.CommandLine;
using Strata.Cli.Commands;
using Strata.Data;

namespace Strata.Cli;

/// <summary>
/// The <c>strata</c> command: <c>strata db migrate|rollback|status|verify|seed|script|reset|add-migration</c>.
/// A host names its modules, as the API does: <c>StrataCommandLine.RunAsync(args, s =&gt; s.AddModule&lt;AuthModule&gt;())</c>.
/// </summary>
public static class StrataCommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>; returns an <see cref="ExitCodes"/> value.</summary>
    public static async Task<int> RunAsync(string[] args, Action<StrataBuilder> modules)
    {
        var global = new GlobalOptions();
        var cli = new CliCommand(global, modules);
        var db = new Command("db", "Migrate, inspect and seed the database.")
        {
            MigrateCommand.Create(cli),
            RollbackCommand.Create(cli),
            StatusCommand.Create(cli),
            VerifyCommand.Create(cli),
            SeedCommand.Create(cli),
            ScriptCommand.Create(cli),
            ResetCommand.Create(cli),
            AddMigrationCommand.Create(cli),
        };
        var root = new RootCommand("strata: the Strata database tool. Exit codes: 0 ok, 1 failure or findings, 2 usage.") { db, UsersCommand.Create(cli), CatalogCommand.Create(cli) };
        global.AddTo(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'strata --help' (or 'strata db <command> --help') for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
