using System.CommandLine;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Modules;
using Strata.CommandLine;
using Strata.Data.Events;
using Strata.Data.Modules;
using Strata.Modules.Auth.Commands;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;
using Strata.Modules.Auth.Seed;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth;

/// <summary>
/// Users, sessions, accounts, verifications, passkeys, RBAC with inheritance and the audit log. Schema <c>auth</c> (SQLite
/// prefix <c>auth_</c>). Public surface: <see cref="IPasswordSignIn"/>, <see cref="IPasswordManagement"/>,
/// <see cref="IEmailVerification"/>, <see cref="IUserSessions"/>, <see cref="ISessionAuthenticator"/>, <see cref="IAuditTrail"/>,
/// <see cref="IPasskeyService"/>, <see cref="IPermissionService"/>, <see cref="IRoleAdministration"/>, <see cref="IUserAdministration"/>,
/// <see cref="IUserDirectory"/>, <see cref="IExternalAccounts"/>,
/// <see cref="IMailSender"/> (delivered by the outbox dispatcher through an <see cref="IMailTransport"/>), and the events <see cref="AuditEvent"/> and <see cref="UserDeleted"/>.
/// </summary>
public sealed class AuthModule : StrataModule, IEndpointModule, ICommandModule
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
    public override IReadOnlyList<Type> Seeders => [typeof(AuthReferenceSeeder), typeof(AuthDemoSeeder)];

    /// <inheritdoc />
    /// <remarks>
    /// Data Protection's key ring lives in the database (a restart or another instance reads what this one protected),
    /// encrypted at rest with the certificate configured under <see cref="KeyRingOptions.SectionName"/>, which is read
    /// here because Data Protection takes a loaded certificate.
    /// </remarks>
    public override void RegisterServices(IServiceCollection services, IConfiguration configuration)
    {
        KeyRingProtection.Configure(services.AddDataProtection().SetApplicationName("Strata").PersistKeysToDbContext<AuthDbContext>(), configuration);
        services.AddValidatorsFromAssemblyContaining<AuthModule>(includeInternalTypes: true);
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        // Before AddIdentityCore, whose own registration is then skipped: one hasher, at Strata's iteration count.
        services.AddSingleton<IPasswordHasher<User>>(sp => PasswordHashing.Create(sp.GetRequiredService<IOptions<AuthOptions>>()));
        services.AddSingleton<ISecretTokenSource, SecretTokenSource>();
        AddPasskeys(services);
        services.AddSingleton<DataProtectionKeyKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DataProtectionKeyKeeper>());
        services.AddSingleton<PasswordHashing>();
        services.AddScoped<UserRepository>();
        services.AddScoped<AccountRepository>();
        services.AddScoped<SessionRepository>();
        services.AddScoped<VerificationRepository>();
        services.AddScoped<PasskeyRepository>();
        services.AddScoped<RoleRepository>();
        services.AddScoped<AuditLogRepository>();
        services.AddSingleton<SessionCache>();
        services.AddScoped<SessionService>();
        services.AddScoped<ISessionAuthenticator>(sp => sp.GetRequiredService<SessionService>());
        services.AddScoped<IUserSessions>(sp => sp.GetRequiredService<SessionService>());
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<PasswordCredentials>();
        services.AddScoped<VerificationTokens>();
        services.AddScoped<IPasswordSignIn, PasswordSignIn>();
        services.AddScoped<IPasswordManagement, PasswordManagement>();
        services.AddScoped<IEmailVerification, EmailVerification>();
        services.AddScoped<IPasskeyService, PasskeyService>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IRoleAdministration, RoleAdministration>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IExternalAccounts, ExternalAccounts>();
        AddMail(services);
        services.AddScoped<IDomainEventHandler<AuditEvent>, AuditLogWriter>();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Auth"] = "Accounts and sessions: sign-up, sign-in with a password or a passkey, email verification, password reset and change, the caller's sessions and passkeys. Session routes take `Authorization: Bearer <token>`.",
        ["Admin"] = "Administration: roles and their permissions, grants to users, the audit log, deleting users. Each route needs a permission (`rbac.manage`, `audit.read` or `users.manage`).",
    };

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapAuthEndpoints();
        routes.MapAdminEndpoints();
    }

    /// <inheritdoc />
    public IEnumerable<Command> CreateCommands(CommandRunner runner) => [UsersCommand.Create(runner), MailCommand.Create(runner)];

    /// <summary>
    /// The outbox (<see cref="OutboxMailSender"/>, in the caller's transaction), its dispatcher, and the transport chosen
    /// by <see cref="MailOptions"/>. An application replaces the transport by registering its own <see cref="IMailTransport"/> first.
    /// </summary>
    private static void AddMail(IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<MailTemplate>();
        services.AddScoped<MailOutboxRepository>();
        services.AddScoped<IMailSender, OutboxMailSender>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryMailTransport>();
        services.TryAddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.EffectiveTransport(sp.GetService<IHostEnvironment>()?.IsDevelopment() ?? false) == MailTransportKind.Smtp
                ? sp.GetRequiredService<SmtpMailTransport>()
                : sp.GetRequiredService<PickupDirectoryMailTransport>());
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
    }

    /// <summary>
    /// ASP.NET Core Identity's passkey handler over Strata's tables: <see cref="UserManager{TUser}"/> with
    /// <see cref="PasskeyUserStore"/>, the relying party and its origins from <see cref="PasskeyOptions"/>.
    /// </summary>
    private static void AddPasskeys(IServiceCollection services)
    {
        services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasskeyOptions>, PasskeyOptionsValidator>();
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<PasskeyOptions>>((identity, strata) =>
        {
            var settings = strata.Value;
            var origins = settings.Origins.Select(NormalizedOrigin).ToHashSet(StringComparer.Ordinal);
            identity.ServerDomain = settings.RelyingPartyId;
            identity.AuthenticatorTimeout = settings.CeremonyLifetime;
            identity.UserVerificationRequirement = settings.UserVerification;
            identity.ResidentKeyRequirement = settings.ResidentKey;
            // Exactly the configured origins, never a cross-origin iframe.
            identity.ValidateOrigin = context => ValueTask.FromResult(
                !context.CrossOrigin && Uri.TryCreate(context.Origin, UriKind.Absolute, out _) && origins.Contains(NormalizedOrigin(context.Origin)));
        });
        services.AddIdentityCore<User>().AddUserStore<PasskeyUserStore>();
        services.AddScoped<IPasskeyHandler<User>, PasskeyHandler<User>>();
    }

    /// <summary>Scheme, host and explicit non-default port, lower-cased: how browsers serialise an origin.</summary>
    private static string NormalizedOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() : origin;
}
