using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Migrations;

namespace Strata.CommandLine.Commands;

/// <summary><c>strata db verify</c>: one finding per line, exit 1 when there is any.</summary>
internal static class VerifyCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("verify",
            "Check that the database matches the code: model changes without a migration, pending or unknown migrations, changed scripts, schema drift.");
        cli.SetAction(command, async (_, services, cancellationToken) =>
        {
            var findings = await services.GetRequiredService<StrataMigrator>().VerifyAsync(cancellationToken);
            foreach (var finding in findings)
            {
                await Console.Out.WriteLineAsync(finding);
            }

            if (findings.Count == 0)
            {
                await Console.Out.WriteLineAsync("The database matches the code.");
                return ExitCodes.Ok;
            }

            await Console.Error.WriteLineAsync($"{findings.Count} finding(s).");
            return ExitCodes.Failure;
        });
        return command;
    }
}
