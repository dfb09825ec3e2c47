using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Modules;

namespace Strata.CommandLine;

/// <summary>
/// Runs a command's body with the services of the composed modules, turning every failure into one line on standard
/// error and an exit code. A module's own commands (<see cref="ICommandModule"/>) run their bodies through it, so they
/// get the same configuration sources, global options and error reporting as <c>strata db …</c>.
/// Database failures are translated first (a provider exception may arrive wrapped, e.g. in EF's
/// InvalidOperationException), and the line names the cause an operator can act on: <see cref="StrataError.OperatorDetail"/>.
/// </summary>
public sealed class CommandRunner
{
    private readonly GlobalOptions _global;
    private readonly Action<StrataBuilder> _modules;

    internal CommandRunner(GlobalOptions global, Action<StrataBuilder> modules)
    {
        _global = global;
        _modules = modules;
    }

    /// <summary>
    /// Makes <paramref name="body"/> the action of <paramref name="command"/>: it runs with a service provider built
    /// for this invocation (disposed afterwards) and returns an <see cref="ExitCodes"/> value.
    /// </summary>
    public void SetAction(Command command, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var verbose = parse.GetValue(_global.Verbose);
            ServiceProvider? services = null;
            try
            {
                services = CliServices.Build(parse, _global, _modules);
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
            catch (Exception ex) when (Describe(ex, services) is { } failure)
            {
                var code = failure.Code is null ? string.Empty : $" ({failure.Code})";
                await Console.Error.WriteLineAsync(verbose ? $"error{code}: {failure.Message}{Environment.NewLine}{ex}" : $"error: {failure.Message}{code}");
                return ExitCodes.Failure;
            }
            finally
            {
                if (services is not null)
                {
                    await services.DisposeAsync();
                }
            }
        });

    private static (string Message, string? Code)? Describe(Exception exception, ServiceProvider? services)
    {
        var options = services?.GetService<IOptions<StrataDatabaseOptions>>()?.Value;
        var error = options is null ? DatabaseErrorTranslator.Translate(exception) : DatabaseErrorTranslator.TranslateForOperator(exception, options);
        if (error is not null)
        {
            return (error.OperatorDetail ?? error.Message, error.Code);
        }

        return exception is ModuleRegistrationException or InvalidOperationException or IOException ? (exception.Message, null) : null;
    }
}
