using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Strata.Data.Configuration;

namespace Strata.Data.Tests.Configuration;

public sealed class StrataDatabaseOptionsTests
{
    [Fact]
    public void Without_settings_the_provider_is_sqlite_on_strata_db()
    {
        var options = Resolve([]);

        Assert.Equal(DatabaseProvider.Sqlite, options.EffectiveProvider);
        Assert.Equal("Data Source=strata.db", options.ApplicationConnectionString);
        Assert.Equal(options.ApplicationConnectionString, options.OwnerConnectionString);
    }

    [Fact]
    public void Connection_strings_come_from_the_ConnectionStrings_section()
    {
        var options = Resolve(new()
        {
            ["Strata:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Strata"] = "Host=db;Username=strata_app",
            ["ConnectionStrings:StrataMigrations"] = "Host=db;Username=strata_owner",
        });

        Assert.Equal(DatabaseProvider.Postgres, options.EffectiveProvider);
        Assert.Equal("Host=db;Username=strata_app", options.ApplicationConnectionString);
        Assert.Equal("Host=db;Username=strata_owner", options.OwnerConnectionString);
    }

    [Fact]
    public void Production_refuses_an_implicit_provider_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve([], Environments.Production));

        Assert.Contains("Strata:Database:Provider must be set explicitly in Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["Strata:Database:Provider"] = "Oracle" }));

        Assert.Contains("Strata:Database:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Strata:Database:Provider"] = "Postgres" }));

        Assert.Contains("ConnectionStrings:Strata is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Strata:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Strata"] = "Host=db;Colour=blue",
        }));

        Assert.Contains("ConnectionStrings:Strata is not a valid Postgres connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_timeouts_are_refused_naming_each_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Strata:Database:CommandTimeoutSeconds"] = "0",
            ["Strata:Database:LockTimeoutMs"] = "-1",
        }));

        Assert.Contains("Strata:Database:CommandTimeoutSeconds must be greater than zero.", error.Failures);
        Assert.Contains("Strata:Database:LockTimeoutMs must not be negative.", error.Failures);
    }

    private static StrataDatabaseOptions Resolve(Dictionary<string, string?> settings, string environment = "Development") =>
        Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), environment);

    private static StrataDatabaseOptions Resolve(IConfiguration configuration, string environment)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment));
        services.AddStrata(configuration, _ => { });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<StrataDatabaseOptions>>().Value;
    }

    private sealed class TestHostEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Strata.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
