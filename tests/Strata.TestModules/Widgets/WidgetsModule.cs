using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Modules;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Seed;
using Strata.TestModules.Widgets.Services;

namespace Strata.TestModules.Widgets;

/// <summary>A test-only module exercising every convention: soft delete, row versions, normalised uniqueness, FKs, CHECKs.</summary>
public sealed class WidgetsModule : StrataModule
{
    public override string Name => "widgets";

    public override ModuleContexts Contexts { get; } = ModuleContexts.Create<WidgetsDbContext, WidgetsPostgresDbContext, WidgetsSqliteDbContext>();

    public override IReadOnlyList<string> Permissions => ["widgets.read", "widgets.write"];

    public override IReadOnlyList<Type> Seeders => [typeof(WidgetCategorySeeder), typeof(DemoWidgetSeeder)];

    protected override string ScriptsFolder => "Widgets/Scripts/";

    public override void RegisterServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WidgetRepository>();
        services.AddScoped<WidgetCategoryRepository>();
        services.AddScoped<WidgetService>();
    }
}
