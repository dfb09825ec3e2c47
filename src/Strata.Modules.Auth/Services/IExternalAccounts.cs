namespace Strata.Modules.Auth.Services;

/// <summary>
/// Accounts at external identity providers (OAuth / OpenID Connect), linked to users. Their tokens are stored
/// encrypted with ASP.NET Core Data Protection; the key ring lives in the database.
/// </summary>
public interface IExternalAccounts
{
    /// <summary>
    /// Links the provider account (<paramref name="issuer"/>, <paramref name="accountId"/>) to the user, or refreshes its
    /// tokens when already linked to them; 409 <c>auth.account_linked</c> when it belongs to another user.
    /// </summary>
    Task LinkAsync(Guid userId, string providerId, string issuer, string accountId, ExternalTokens tokens, CancellationToken cancellationToken = default);

    /// <summary>The decrypted tokens of the user's account at <paramref name="issuer"/>, or null.</summary>
    Task<ExternalTokens?> GetTokensAsync(Guid userId, string issuer, CancellationToken cancellationToken = default);
}
