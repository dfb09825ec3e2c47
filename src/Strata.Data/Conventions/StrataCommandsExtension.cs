using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Diagnostics;

namespace Strata.Data.Conventions;

/// <summary>
/// Carries the host's <see cref="CommandDiagnostics"/> in a context's options, where <see cref="StrataDbContext"/>
/// takes it for its commands; <see cref="UseStrataCommands"/> adds it with <see cref="StrataCommandBuilderFactory"/>.
/// Like an interceptor it is no part of EF's internal service provider: hosts (a test run builds hundreds) share one.
/// </summary>
internal sealed class StrataCommandsExtension(CommandDiagnostics diagnostics) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public CommandDiagnostics Diagnostics => diagnostics;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>Makes every command of the contexts built from <paramref name="builder"/> a <see cref="StrataRelationalCommand"/>.</summary>
    public static void UseStrataCommands(DbContextOptionsBuilder builder, CommandDiagnostics diagnostics)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new StrataCommandsExtension(diagnostics));
        builder.ReplaceService<IRelationalCommandBuilderFactory, StrataCommandBuilderFactory>();
    }

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(StrataCommandsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using Strata commands ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Strata:Commands"] = "1";
    }
}
