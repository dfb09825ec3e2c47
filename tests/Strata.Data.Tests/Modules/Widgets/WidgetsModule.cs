using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Modules;
using Strata.Data.Tests.Modules.Widgets.Repositories;
using Strata.Data.Tests.Modules.Widgets.Seed;
using Strata.Data.Tests.Modules.Widgets.Services;

namespace Strata.Data.Tests.Modules.Widgets;

/// <summary>A test-only module exercising every convention: soft delete, row versions, normalised uniqueness, FKs, CHECKs.</summary>
public sealed class WidgetsModule : StrataModule
{
    public override string Name => "widgets";

    public override ModuleContexts Contexts { get; } = ModuleContexts.Create<WidgetsDbContext, WidgetsPostgresDbContext, WidgetsSqliteDbContext>();

    public override IReadOnlyList<string> Permissions => ["widgets.read", "widgets.write"];

    public override IReadOnlyList<Type> Seeders => [typeof(WidgetCategorySeeder), typeof(DemoWidgetSeeder)];

    protected override string ScriptsFolder => "Modules/Widgets/Scripts/";

    public override void RegisterServices(IServiceCollection services)
    {
        services.AddScoped<WidgetRepository>();
        services.AddScoped<WidgetCategoryRepository>();
        services.AddScoped<WidgetService>();
    }
}
