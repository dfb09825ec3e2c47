using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class ExternalAccounts(DatabaseSession database, AuthDbContext context, UserRepository users, IDataProtectionProvider dataProtection)
    : IExternalAccounts
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Strata.Auth.ExternalTokens.v1");

    public Task LinkAsync(Guid userId, string providerId, string issuer, string accountId, ExternalTokens tokens, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            ArgumentNullException.ThrowIfNull(tokens);
            var user = await users.FindIdAsync(userId, token) ?? throw NotFoundError.For("user", userId);
            var account = await context.Accounts.FirstOrDefaultAsync(a => a.Issuer == issuer && a.AccountId == accountId, token);
            if (account is null)
            {
                account = context.Accounts.Add(new Account { UserId = user, ProviderId = providerId, Issuer = issuer, AccountId = accountId }).Entity;
            }
            else if (account.UserId != user)
            {
                throw new ConflictError("auth.account_linked", "This external account is linked to another user.");
            }

            account.AccessTokenProtected = Protect(tokens.AccessToken);
            account.RefreshTokenProtected = Protect(tokens.RefreshToken);
            account.IdTokenProtected = Protect(tokens.IdToken);
            account.AccessTokenExpiresAt = tokens.AccessTokenExpiresAt;
            account.RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt;
            account.Scope = tokens.Scope;
        }, cancellationToken: cancellationToken);

    public async Task<ExternalTokens?> GetTokensAsync(Guid userId, string issuer, CancellationToken cancellationToken = default)
    {
        var user = await users.FindIdAsync(userId, cancellationToken);
        var account = user is null ? null : await context.Accounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.UserId == user && a.Issuer == issuer, cancellationToken);
        return account is null
            ? null
            : new ExternalTokens(Unprotect(account.AccessTokenProtected), Unprotect(account.RefreshTokenProtected), Unprotect(account.IdTokenProtected),
                account.AccessTokenExpiresAt, account.RefreshTokenExpiresAt, account.Scope);
    }

    private string? Protect(string? value) => value is null ? null : _protector.Protect(value);

    private string? Unprotect(string? value) => value is null ? null : _protector.Unprotect(value);
}
