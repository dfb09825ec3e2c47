using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Strata.Data.Migrations;

namespace Strata.CommandLine.Commands;

/// <summary><c>strata db status</c></summary>
internal static class StatusCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("status", "Show each module's applied and pending migrations.");
        cli.SetAction(command, async (_, services, cancellationToken) =>
        {
            var statuses = await services.GetRequiredService<StrataMigrator>().GetStatusAsync(cancellationToken);
            var table = new Table().AddColumns("Module", "Provider", "Applied", "Pending", "Last applied", "Applied at (UTC)");
            foreach (var status in statuses)
            {
                table.AddRow(
                    Markup.Escape(status.Module),
                    status.Provider.ToString(),
                    status.Applied.Count.ToString(CultureInfo.InvariantCulture),
                    status.Pending.Count == 0 ? "0" : $"[yellow]{status.Pending.Count}[/]",
                    Markup.Escape(status.LastApplied ?? "-"),
                    status.LastAppliedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
