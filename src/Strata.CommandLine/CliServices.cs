using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Strata.Data;

namespace Strata.CommandLine;

/// <summary>
/// The services a command runs with: the API's configuration sources (appsettings.json beside the tool and in the
/// working directory, appsettings.{Environment}.json, environment variables), then the command-line overrides.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(ParseResult parse, GlobalOptions global, Action<StrataBuilder> modules)
    {
        var environment = parse.GetValue(global.Environment)
            ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        var workingDirectory = Directory.GetCurrentDirectory();
        var overrides = new Dictionary<string, string?>();
        AddOverride(overrides, "Strata:Database:Provider", parse.GetValue(global.Provider));
        AddOverride(overrides, "ConnectionStrings:Strata", parse.GetValue(global.Connection));
        AddOverride(overrides, "ConnectionStrings:StrataMigrations", parse.GetValue(global.MigrationsConnection));

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(workingDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(workingDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = environment,
            ApplicationName = "strata",
            ContentRootPath = workingDirectory,
            ContentRootFileProvider = new NullFileProvider(),
        });
        // Logs go to standard error, so standard output carries only the command's answer (SQL, findings, tables).
        services.AddLogging(logging => logging
            .SetMinimumLevel(parse.GetValue(global.Verbose) ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", parse.GetValue(global.Verbose) ? LogLevel.Information : LogLevel.Error)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddStrata(configuration, modules);
        return services.BuildServiceProvider();
    }

    private static void AddOverride(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }
    }
}
