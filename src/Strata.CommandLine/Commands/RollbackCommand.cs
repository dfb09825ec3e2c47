using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Migrations;

namespace Strata.CommandLine.Commands;

/// <summary><c>strata db rollback --module M (--to NAME | --to 0 | --steps N)</c></summary>
internal static class RollbackCommand
{
    public static Command Create(CommandRunner cli)
    {
        var module = new Option<string>("--module") { Description = "The module to roll back.", Required = true };
        var to = new Option<string?>("--to") { Description = "Roll back to this applied migration (it stays applied); 0 reverts every migration of the module." };
        var steps = new Option<int?>("--steps") { Description = "Roll back this many migrations." };
        var command = new Command("rollback", "Revert a module's newest migrations, then re-apply its repeatable scripts.") { module, to, steps };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(to) is null) == (result.GetValue(steps) is null))
            {
                result.AddError("Give exactly one of --to NAME or --steps N.");
            }
            else if (result.GetValue(steps) is < 1)
            {
                result.AddError("--steps must be 1 or more.");
            }
        });
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            var run = await services.GetRequiredService<StrataMigrator>().RollbackAsync(
                parse.GetRequiredValue(module), parse.GetValue(to), parse.GetValue(steps), cancellationToken);
            MigrationRunReport.Write(run);
            return ExitCodes.Ok;
        });
        return command;
    }
}
