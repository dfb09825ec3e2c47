using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.CommandLine;
using Strata.Data.Modules;
using Strata.TestModules.Widgets;

namespace Strata.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public async Task Help_lists_every_database_command_and_exits_0()
    {
        var result = await StrataProcess.RunAsync(["db", "--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "migrate", "rollback", "status", "verify", "seed", "script", "reset", "add-migration" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("rollback")]
    [InlineData("status")]
    [InlineData("verify")]
    [InlineData("seed")]
    [InlineData("script")]
    [InlineData("reset")]
    [InlineData("add-migration")]
    public async Task Every_command_has_help(string command)
    {
        var result = await StrataProcess.RunAsync(["db", command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_the_composed_modules_bring()
    {
        var result = await StrataProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("users", result.Output, StringComparison.Ordinal);
        Assert.Contains("catalog", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_command_named_like_another_is_refused()
    {
        var error = await Assert.ThrowsAsync<ModuleRegistrationException>(() => StrataCommandLine.RunAsync(["--help"], strata => strata.AddModule<DbCommandModule>()));

        Assert.Contains("'db'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var result = await StrataProcess.RunAsync(["db", "migrat"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("migrat", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rollback", "--module", "widgets")]
    [InlineData("rollback", "--module", "widgets", "--to", "Initial", "--steps", "1")]
    [InlineData("reset")]
    [InlineData("seed", "--size", "enormous")]
    [InlineData("migrate", "--to", "Initial")]
    [InlineData("add-migration", "widgets", "not-pascal-case")]
    [InlineData("script")]
    public async Task Missing_or_conflicting_arguments_are_usage_errors(params string[] arguments)
    {
        var result = await StrataProcess.RunAsync(["db", .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A module whose command takes strata's own name.</summary>
    private sealed class DbCommandModule : StrataModule, ICommandModule
    {
        public override string Name => "clash";

        public override ModuleContexts Contexts => new WidgetsModule().Contexts;

        public override void RegisterServices(IServiceCollection services, IConfiguration configuration)
        {
        }

        public IEnumerable<Command> CreateCommands(CommandRunner runner) => [new Command("db", "Not strata's.")];
    }
}
