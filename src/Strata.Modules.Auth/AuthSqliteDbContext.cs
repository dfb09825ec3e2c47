using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth;

internal sealed class AuthSqliteDbContext(DbContextOptions options) : AuthDbContext(options);

internal sealed class AuthSqliteDesignTimeFactory : StrataDesignTimeFactory<AuthModule, AuthSqliteDbContext>;
