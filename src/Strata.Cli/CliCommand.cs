using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Data;
using Strata.Data.Errors;
using Strata.Data.Modules;

namespace Strata.Cli;

/// <summary>Runs a command's body with its services, turning every failure into one line on standard error and an exit code.</summary>
internal sealed class CliCommand(GlobalOptions global, Action<StrataBuilder> modules)
{
    public GlobalOptions Global => global;

    public void SetAction(Command command, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var verbose = parse.GetValue(global.Verbose);
            try
            {
                await using var services = CliServices.Build(parse, global, modules);
                return await body(parse, services, cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                foreach (var failure in ex.Failures)
                {
                    await Console.Error.WriteLineAsync($"error: {failure}");
                }

                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is StrataError or ModuleRegistrationException or InvalidOperationException or IOException)
            {
                var code = ex is StrataError error ? $" ({error.Code})" : string.Empty;
                await Console.Error.WriteLineAsync(verbose ? $"error{code}: {ex}" : $"error: {ex.Message}{code}");
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (DatabaseErrorTranslator.Translate(ex) is { } error)
            {
                await Console.Error.WriteLineAsync(verbose ? $"error ({error.Code}): {ex}" : $"error: {error.Message} ({error.Code})");
                return ExitCodes.Failure;
            }
        });
}
