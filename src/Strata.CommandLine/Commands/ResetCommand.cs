using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Migrations;

namespace Strata.CommandLine.Commands;

/// <summary><c>strata db reset --force</c>: refused in Production.</summary>
internal static class ResetCommand
{
    public static Command Create(CommandRunner cli)
    {
        var force = new Option<bool>("--force") { Description = "Confirm that every module's data is to be dropped." };
        var command = new Command("reset", "Drop everything Strata created and migrate again from empty. Refused in Production.") { force };
        command.Validators.Add(result =>
        {
            if (!result.GetValue(force))
            {
                result.AddError("reset drops all data: pass --force to confirm.");
            }
        });
        cli.SetAction(command, async (_, services, cancellationToken) =>
        {
            MigrationRunReport.Write(await services.GetRequiredService<StrataMigrator>().ResetAsync(cancellationToken));
            return ExitCodes.Ok;
        });
        return command;
    }
}
