namespace Strata.Modules.Auth.Services;

/// <summary>Tokens an external identity provider issued for a user.</summary>
/// <param name="AccessToken">OAuth access token.</param>
/// <param name="RefreshToken">OAuth refresh token.</param>
/// <param name="IdToken">OpenID Connect id token.</param>
/// <param name="AccessTokenExpiresAt">Access-token expiry (UTC).</param>
/// <param name="RefreshTokenExpiresAt">Refresh-token expiry (UTC).</param>
/// <param name="Scope">Granted scope.</param>
public sealed record ExternalTokens(
    string? AccessToken, string? RefreshToken, string? IdToken, DateTime? AccessTokenExpiresAt, DateTime? RefreshTokenExpiresAt, string? Scope);
