using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Modules;

namespace Strata.CommandLine.Commands;

/// <summary>
/// <c>strata db add-migration &lt;module&gt; &lt;Name&gt;</c>: runs <c>dotnet ef migrations add</c> once per provider context,
/// so a module never has a model change covered on one database and not the other.
/// </summary>
internal static partial class AddMigrationCommand
{
    public static Command Create(CommandRunner cli)
    {
        var module = new Argument<string>("module") { Description = "The module whose model changed." };
        var name = new Argument<string>("name") { Description = "Migration name, PascalCase (AddInventoryLocation)." };
        var project = new Option<FileInfo?>("--project") { Description = "The module's .csproj (default: found under the current directory by the module's assembly name)." };
        var folder = new Option<string>("--migrations-folder")
        {
            Description = "Folder of the module's migrations inside its project; Postgres/ and Sqlite/ go below it.",
            DefaultValueFactory = _ => "Migrations",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the dotnet ef commands instead of running them." };
        var command = new Command("add-migration", "Add a migration to a module for both providers (runs dotnet ef twice).") { module, name, project, folder, dryRun };
        command.Validators.Add(result =>
        {
            if (result.GetValue(name) is { } value && !MigrationName().IsMatch(value))
            {
                result.AddError("The migration name must be PascalCase letters and digits (AddInventoryLocation).");
            }
        });
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            var target = services.GetRequiredService<ModuleRegistry>().Get(parse.GetRequiredValue(module));
            var csproj = parse.GetValue(project)?.FullName ?? FindProject(target);
            foreach (var provider in Enum.GetValues<DatabaseProvider>())
            {
                string[] arguments =
                [
                    "ef", "migrations", "add", parse.GetRequiredValue(name),
                    "--project", csproj,
                    "--context", target.Contexts.For(provider).Name,
                    "--output-dir", $"{parse.GetValue(folder)}/{provider}",
                ];
                await Console.Out.WriteLineAsync($"dotnet {string.Join(' ', arguments.Select(Quote))}");
                if (!parse.GetValue(dryRun) && await RunAsync(arguments, cancellationToken) != 0)
                {
                    await Console.Error.WriteLineAsync($"error: dotnet ef failed for the {provider} context; fix the model and run again.");
                    return ExitCodes.Failure;
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string FindProject(IStrataModule module)
    {
        var file = module.GetType().Assembly.GetName().Name + ".csproj";
        var found = Directory.EnumerateFiles(Directory.GetCurrentDirectory(), file, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException(found.Count == 0
                ? $"No {file} under {Directory.GetCurrentDirectory()}; run from the repository root or pass --project."
                : $"Several {file} files found; pass --project.");
    }

    private static async Task<int> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException("dotnet could not be started.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument;

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex MigrationName();
}
