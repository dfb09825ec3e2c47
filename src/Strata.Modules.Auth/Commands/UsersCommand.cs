using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Strata.CommandLine;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Commands;

/// <summary>
/// <c>strata users create-admin --email E [--name N] [--password-stdin]</c>: the bootstrap administrator. The password
/// is never an argument (it would land in shell history and process lists): it is read from a hidden prompt, or from
/// standard input with <c>--password-stdin</c> (or whenever input is redirected).
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CommandRunner cli)
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", DefaultValueFactory = _ => "Administrator" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var createAdmin = new Command("create-admin", "Create a user with the admin role (needs 'strata db migrate' and 'strata db seed' first).") { email, name, passwordStdin };
        cli.SetAction(createAdmin, async (parse, services, cancellationToken) =>
        {
            var password = parse.GetValue(passwordStdin) || Console.IsInputRedirected
                ? (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty
                : await AnsiConsole.PromptAsync(new TextPrompt<string>("Password:").Secret(), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var admin = await scope.ServiceProvider.GetRequiredService<IUserAdministration>()
                .CreateAdministratorAsync(parse.GetRequiredValue(email), password, parse.GetValue(name)!, cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Created administrator {admin.Email} ({admin.Id}).");
            return ExitCodes.Ok;
        });
        return new Command("users", "Manage users.") { createAdmin };
    }
}
