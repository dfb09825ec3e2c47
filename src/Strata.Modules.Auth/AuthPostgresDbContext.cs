using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth;

internal sealed class AuthPostgresDbContext(DbContextOptions options) : AuthDbContext(options);

internal sealed class AuthPostgresDesignTimeFactory : StrataDesignTimeFactory<AuthModule, AuthPostgresDbContext>;
