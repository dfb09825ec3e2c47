using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Modules;
using Strata.Data.Events;
using Strata.Data.Modules;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Events;
using Strata.Modules.Workspaces.Configuration;
using Strata.Modules.Workspaces.Endpoints;
using Strata.Modules.Workspaces.Repositories;
using Strata.Modules.Workspaces.Seed;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces;

/// <summary>
/// Workspaces (tenants), their members and invitations. Schema <c>workspaces</c> (SQLite prefix <c>workspaces_</c>);
/// row-level security on PostgreSQL, tenant query filters on SQLite. Public surface: <see cref="IWorkspaceService"/>,
/// <see cref="IInvitationService"/> and <see cref="IWorkspaceAccess"/>, which other modules use to check a caller's role.
/// </summary>
public sealed class WorkspacesModule : StrataModule, IEndpointModule
{
    /// <summary>The module's name.</summary>
    public const string ModuleName = "workspaces";

    /// <inheritdoc />
    public override string Name => ModuleName;

    /// <inheritdoc />
    public override ModuleContexts Contexts { get; } =
        ModuleContexts.Create<WorkspacesDbContext, WorkspacesPostgresDbContext, WorkspacesSqliteDbContext>();

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn => [AuthModule.ModuleName];

    /// <inheritdoc />
    public override IReadOnlyList<Type> Seeders => [typeof(WorkspacesDemoSeeder)];

    /// <inheritdoc />
    public override void RegisterServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatorsFromAssemblyContaining<WorkspacesModule>(includeInternalTypes: true);
        services.AddOptions<WorkspacesOptions>().BindConfiguration(WorkspacesOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkspacesOptions>, WorkspacesOptionsValidator>();
        services.AddScoped<WorkspaceRepository>();
        services.AddScoped<MemberRepository>();
        services.AddScoped<InvitationRepository>();
        services.AddScoped<WorkspaceAccess>();
        services.AddScoped<IWorkspaceAccess>(sp => sp.GetRequiredService<WorkspaceAccess>());
        services.AddScoped<IWorkspaceService, WorkspaceService>();
        services.AddScoped<IInvitationService, InvitationService>();
        services.AddScoped<IDomainEventHandler<UserDeleted>, MembershipCleanup>();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Workspaces"] = "Tenants: workspaces, their members and roles (viewer, member, admin, owner), and invitations by email. The caller sees only the workspaces they belong to.",
    };

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapWorkspaceEndpoints();
        routes.MapInvitationEndpoints();
    }
}
