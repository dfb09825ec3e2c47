using System.CommandLine;
using Strata.CommandLine.Commands;
using Strata.Data;
using Strata.Data.Modules;

namespace Strata.CommandLine;

/// <summary>
/// The <c>strata</c> command: <c>strata db migrate|rollback|status|verify|seed|script|reset|add-migration</c>, plus the
/// commands each composed module brings (<see cref="ICommandModule"/>). A host names its modules, as the API does:
/// <c>StrataCommandLine.RunAsync(args, s =&gt; s.AddModule&lt;AuthModule&gt;())</c>.
/// </summary>
public static class StrataCommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>; returns an <see cref="ExitCodes"/> value.</summary>
    public static async Task<int> RunAsync(string[] args, Action<StrataBuilder> modules)
    {
        var global = new GlobalOptions();
        var cli = new CommandRunner(global, modules);
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
        var root = new RootCommand("strata: the Strata database tool. Exit codes: 0 ok, 1 failure or findings, 2 usage.");
        foreach (var command in TopLevelCommands(db, cli, modules))
        {
            root.Subcommands.Add(command);
        }

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

    /// <summary><paramref name="db"/>, then the commands of the composed modules, in composition order.</summary>
    private static List<Command> TopLevelCommands(Command db, CommandRunner cli, Action<StrataBuilder> modules)
    {
        var strata = new StrataBuilder();
        modules(strata);
        List<Command> commands = [db, .. strata.Modules.OfType<ICommandModule>().SelectMany(module => module.CreateCommands(cli))];
        // A second command of one name would be unreachable; say so instead.
        if (commands.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ModuleRegistrationException($"The command '{clash.Key}' is added twice (by two modules, or by a module and strata itself); command names must be unique.");
        }

        return commands;
    }
}
