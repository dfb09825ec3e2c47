using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Strata.CommandLine;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Commands;

/// <summary>
/// <c>strata mail status | list [--failed] [--limit N] | retry ID | retry --all-failed | show ID</c>: the outbox for an
/// operator. <c>show</c> decrypts a message that has not been sent (its code included) and so works in Development only.
/// </summary>
internal static class MailCommand
{
    public static Command Create(CommandRunner cli) =>
        new("mail", "Inspect and retry the outgoing mail outbox.") { Status(cli), List(cli), Retry(cli), Show(cli) };

    private static Command Status(CommandRunner cli)
    {
        var command = new Command("status", "Messages queued, being sent, sent and failed, and the oldest due.");
        cli.SetAction(command, async (_, services, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<MailOutboxRepository>().StatusAsync(cancellationToken);
            var oldest = status.OldestDue is { } due ? due.ToString("u", CultureInfo.InvariantCulture) : "-";
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"queued {status.Queued}, sending {status.Sending}, sent {status.Sent}, failed {status.Failed}; oldest due {oldest}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var failed = new Option<bool>("--failed") { Description = "Only messages given up on." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (1–1000).", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit must be between 1 and 1000.");
            }
        });
        var command = new Command("list", "The newest messages, one per line: id, kind, recipient, status, attempts, due or sent, last error (never a body).") { failed, limit };
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var messages = await scope.ServiceProvider.GetRequiredService<MailOutboxRepository>()
                .NewestAsync(parse.GetValue(failed), parse.GetValue(limit), cancellationToken);
            // One line per message, tab-separated, so it reads in a terminal and greps in a script.
            foreach (var m in messages)
            {
                var when = (m.SentAt ?? m.DueAt).ToString("u", CultureInfo.InvariantCulture);
                Console.WriteLine(string.Join('\t', m.PublicId, m.Kind, m.To, m.Status,
                    string.Create(CultureInfo.InvariantCulture, $"attempts {m.Attempts}"), when, m.LastError ?? string.Empty));
            }

            if (messages.Count == 0)
            {
                Console.WriteLine(parse.GetValue(failed) ? "No failed messages." : "The outbox is empty.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Retry(CommandRunner cli)
    {
        var id = new Argument<Guid?>("id") { Description = "The failed message to queue again.", Arity = ArgumentArity.ZeroOrOne };
        var allFailed = new Option<bool>("--all-failed") { Description = "Queue every failed message again." };
        var command = new Command("retry", "Queue failed messages again, due now, with a fresh count of attempts.") { id, allFailed };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(id) is null) == !result.GetValue(allFailed))
            {
                result.AddError("Name one failed message's id, or pass --all-failed.");
            }
        });
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutboxRepository>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var queued = await scope.ServiceProvider.GetRequiredService<DatabaseSession>()
                .InTransactionAsync(token => outbox.RetryFailedAsync(parse.GetValue(id), now, token), cancellationToken: cancellationToken);
            if (parse.GetValue(id) is { } one && queued == 0)
            {
                await Console.Error.WriteLineAsync($"error: no failed message has the id {one} (mail.not_failed)");
                return ExitCodes.Failure;
            }

            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Queued {queued} message(s) again."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var id = new Argument<Guid>("id") { Description = "The message to print." };
        var command = new Command("show", "Development only: decrypt and print a message that has not been sent, code included.") { id };
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            if (services.GetService<IHostEnvironment>()?.IsDevelopment() != true)
            {
                await Console.Error.WriteLineAsync("error: 'strata mail show' prints one-time codes and works in Development only (mail.show_development_only)");
                return ExitCodes.Failure;
            }

            await using var scope = services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<MailOutboxRepository>().FindByPublicIdAsync(parse.GetValue(id), cancellationToken);
            if (message is null || message.Status == MailStatus.Sent)
            {
                await Console.Error.WriteLineAsync(message is null
                    ? $"error: no message has the id {parse.GetValue(id)} (mail.not_found)"
                    : "error: the message was sent and its body erased (mail.already_sent)");
                return ExitCodes.Failure;
            }

            var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(OutboxMailSender.Purpose);
            Console.WriteLine($"To: {message.To}\nSubject: {message.Subject}\nKind: {message.Kind}\nStatus: {message.Status}\n\n{protector.Unprotect(message.BodyProtected)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
