using System.CommandLine;

namespace Strata.CommandLine;

/// <summary>Options every command accepts; they override configuration files and environment variables.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "Database provider: Sqlite or Postgres (overrides Strata:Database:Provider).",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Application connection string (overrides ConnectionStrings:Strata).",
        Recursive = true,
    };

    public Option<string?> MigrationsConnection { get; } = new("--migrations-connection")
    {
        Description = "Owner connection string for migrations and seeding (overrides ConnectionStrings:StrataMigrations).",
        Recursive = true,
    };

    public Option<string?> Environment { get; } = new("--environment")
    {
        Description = "Environment name (default: DOTNET_ENVIRONMENT, then ASPNETCORE_ENVIRONMENT, then Production).",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show logs and full error details.",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Provider.AcceptOnlyFromAmong("Sqlite", "Postgres", "sqlite", "postgres");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        command.Options.Add(MigrationsConnection);
        command.Options.Add(Environment);
        command.Options.Add(Verbose);
    }
}
