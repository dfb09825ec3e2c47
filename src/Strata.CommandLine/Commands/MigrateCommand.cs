using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Strata.Data.Migrations;

namespace Strata.CommandLine.Commands;

/// <summary><c>strata db migrate [--module M] [--to NAME]</c></summary>
internal static class MigrateCommand
{
    public static Command Create(CommandRunner cli)
    {
        var module = new Option<string?>("--module") { Description = "Migrate only this module (its dependencies must be at head)." };
        var to = new Option<string?>("--to") { Description = "Target migration (name or id) of --module; an earlier one reverts." };
        var command = new Command("migrate", "Apply pending migrations of every module (or one), then repeatable scripts and grants.") { module, to };
        command.Validators.Add(result =>
        {
            if (result.GetValue(to) is not null && result.GetValue(module) is null)
            {
                result.AddError("--to needs --module.");
            }
        });
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            var run = await services.GetRequiredService<StrataMigrator>().MigrateAsync(parse.GetValue(module), parse.GetValue(to), cancellationToken);
            MigrationRunReport.Write(run);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>Prints what a migrate, rollback or reset changed.</summary>
internal static class MigrationRunReport
{
    public static void Write(MigrationRun run)
    {
        foreach (var migration in run.Reverted)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]reverted[/] {migration.Module} {migration.Migration}");
        }

        foreach (var migration in run.Applied)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]applied[/]  {migration.Module} {migration.Migration}");
        }

        foreach (var script in run.Scripts)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[blue]script[/]   {script}");
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{run.Applied.Count} applied, {run.Reverted.Count} reverted, {run.Scripts.Count} script(s) in {run.Elapsed.TotalMilliseconds:F0} ms.");
    }
}
