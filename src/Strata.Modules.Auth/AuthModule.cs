using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Events;
using Strata.Data.Modules;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Seed;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth;

/// <summary>
/// Users, sessions, accounts, verifications, RBAC with inheritance and the audit log. Schema <c>auth</c> (SQLite
/// prefix <c>auth_</c>). Public surface: <see cref="IAuthService"/>, <see cref="ISessionAuthenticator"/>,
/// <see cref="IPermissionService"/>, <see cref="IRoleAdministration"/>, <see cref="IUserAdministration"/>, <see cref="IExternalAccounts"/>,
/// <see cref="IMailSender"/>, and the events <see cref="AuditEvent"/> and <see cref="UserDeleted"/>.
/// </summary>
public sealed class AuthModule : StrataModule
{
    /// <summary>The module's name.</summary>
    public const string ModuleName = "auth";

    /// <summary>Manage roles, permissions and grants.</summary>
    public const string RbacManage = "rbac.manage";

    /// <summary>Read the audit log.</summary>
    public const string AuditRead = "audit.read";

    /// <summary>Delete users.</summary>
    public const string UsersManage = "users.manage";

    /// <inheritdoc />
    public override string Name => ModuleName;

    /// <inheritdoc />
    public override ModuleContexts Contexts { get; } = ModuleContexts.Create<AuthDbContext, AuthPostgresDbContext, AuthSqliteDbContext>();

    /// <inheritdoc />
    public override IReadOnlyList<string> Permissions => [RbacManage, AuditRead, UsersManage];

    /// <inheritdoc />
    public override IReadOnlyList<string> AppendOnlyTables => ["audit_log"];

    /// <inheritdoc />
    public override IReadOnlyList<Type> Seeders => [typeof(AuthReferenceSeeder)];

    /// <inheritdoc />
    public override void RegisterServices(IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        // The key ring lives in the database: a restart or another instance can read what this one protected.
        services.AddDataProtection().SetApplicationName("Strata").PersistKeysToDbContext<AuthDbContext>();
        services.AddSingleton<DataProtectionKeyKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DataProtectionKeyKeeper>());
        services.AddSingleton<PasswordHashing>();
        services.AddScoped<UserRepository>();
        services.AddScoped<AccountRepository>();
        services.AddScoped<SessionRepository>();
        services.AddScoped<VerificationRepository>();
        services.AddScoped<RoleRepository>();
        services.AddScoped<AuditLogRepository>();
        services.AddScoped<SessionService>();
        services.AddScoped<ISessionAuthenticator>(sp => sp.GetRequiredService<SessionService>());
        services.AddScoped<IAuthService, AuthService>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IRoleAdministration, RoleAdministration>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<IExternalAccounts, ExternalAccounts>();
        services.AddScoped<IMailSender, OutboxMailSender>();
        services.AddScoped<IDomainEventHandler<AuditEvent>, AuditLogWriter>();
    }
}
