using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Strata.Data.Errors;
using Strata.Data.Seeding;
using Strata.Modules.Auth.Configuration;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Seed;

/// <summary>
/// The demo users (<see cref="AuthDemoUsers"/>), email verified, the administrator with the <c>admin</c> role. Each new
/// user gets a random password, handed back as a seed note for the command to print; a user who already exists is
/// left as they are (their password too), so a second run changes nothing.
/// </summary>
internal sealed class AuthDemoSeeder(
    AuthDbContext context, UserRepository users, RoleRepository roles, PasswordCredentials credentials, IAuditTrail audit, IOptions<AuthOptions> options) : ISeeder
{
    // No look-alikes (0/O, 1/l/I): the operator copies these from a terminal.
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public SeedKind Kind => SeedKind.Demo;

    public async Task SeedAsync(SeedContext seedContext, CancellationToken cancellationToken)
    {
        var admin = (await roles.ListAsync(r => r.NormalizedName == "ADMIN", cancellationToken: cancellationToken)).SingleOrDefault()
            ?? throw new ConflictError("auth.roles_not_seeded", $"The '{AuthReferenceSeeder.AdminRole}' role does not exist; run 'strata db seed' first.");
        foreach (var demo in AuthDemoUsers.For(seedContext.Seed))
        {
            if (await users.EmailTakenAsync(demo.Email, cancellationToken))
            {
                seedContext.Notes.Add($"{demo.Email} exists already; its password is unchanged.");
                continue;
            }

            var password = NewPassword();
            credentials.Check(password, "password");
            var user = await users.AddAsync(
                new User { Email = demo.Email, Name = demo.Name, EmailVerified = true, SecurityStamp = User.NewSecurityStamp() }, cancellationToken);
            await credentials.AddAsync(user, password, cancellationToken);
            if (demo.Administrator)
            {
                context.UserRoles.Add(new UserRole { UserId = user.Id, RoleId = admin.Id });
            }

            await audit.RecordAsync(AuditActions.UserCreated, null, AuditTargets.User(user.PublicId), AuditOutcomes.Success, ClientInfo.None, cancellationToken,
                ("source", "demo_seed"));
            seedContext.Notes.Add($"{demo.Email}{(demo.Administrator ? " (admin)" : string.Empty)} password: {password}");
        }
    }

    /// <summary>A random password, never derived from the seed: everyone knows the default seed.</summary>
    private string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, Math.Max(20, options.Value.MinimumPasswordLength));
}
