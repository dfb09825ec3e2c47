using System.CommandLine;

namespace Strata.CommandLine;

/// <summary>
/// A module that brings its own <c>strata</c> commands (<c>strata users create-admin</c>). The module class implements
/// it beside <see cref="Strata.Data.Modules.IStrataModule"/>, so composing the module is all a host does to offer them.
/// </summary>
public interface ICommandModule
{
    /// <summary>
    /// The module's top-level commands. Give each command's body to <see cref="CommandRunner.SetAction"/> so it runs
    /// with the composed modules' services, the global options and the CLI's error reporting.
    /// </summary>
    IEnumerable<Command> CreateCommands(CommandRunner runner);
}
