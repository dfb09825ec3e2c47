using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Events;
using Strata.Data.Modules;
using Strata.TestModules.Gadgets.Repositories;
using Strata.TestModules.Widgets.Events;

namespace Strata.TestModules.Gadgets;

/// <summary>A second test module: depends on widgets, refers to widgets by public id only, reacts to their events.</summary>
public sealed class GadgetsModule : StrataModule
{
    public override string Name => "gadgets";

    public override ModuleContexts Contexts { get; } = ModuleContexts.Create<GadgetsDbContext, GadgetsPostgresDbContext, GadgetsSqliteDbContext>();

    public override IReadOnlyList<string> DependsOn => ["widgets"];

    public override void RegisterServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<GadgetRepository>();
        services.AddScoped<IDomainEventHandler<WidgetRetired>, DetachGadgetsFromRetiredWidget>();
    }
}
