using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Migrations;

namespace Strata.CommandLine.Commands;

/// <summary><c>strata db script --module M [--from X] [--to Y] [--idempotent] [--output FILE]</c></summary>
internal static class ScriptCommand
{
    public static Command Create(CommandRunner cli)
    {
        var module = new Option<string>("--module") { Description = "The module whose migrations to script.", Required = true };
        var from = new Option<string?>("--from") { Description = "Start after this migration (default: from an empty database)." };
        var to = new Option<string?>("--to") { Description = "End with this migration (default: the latest)." };
        var idempotent = new Option<bool>("--idempotent") { Description = "Guard each migration by the history table (PostgreSQL only)." };
        var output = new Option<FileInfo?>("--output") { Description = "Write the SQL to this file instead of standard output." };
        var command = new Command("script", "Print the SQL of a module's migrations for review, linting or a DBA.") { module, from, to, idempotent, output };
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            var sql = await services.GetRequiredService<StrataMigrator>().ScriptAsync(
                parse.GetRequiredValue(module), parse.GetValue(from), parse.GetValue(to), parse.GetValue(idempotent), cancellationToken);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, sql, cancellationToken);
            }
            else
            {
                await Console.Out.WriteAsync(sql);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
