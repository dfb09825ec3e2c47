using Strata.Data.Security;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// New one-time secrets (verification and reset codes) and the hashes stored for them, as <see cref="SecretTokens"/>
/// makes them; a service, so the work a flow does can be observed (forgot-password does the same for every address).
/// </summary>
internal interface ISecretTokenSource
{
    /// <summary>A new secret, handed out once.</summary>
    string New();

    /// <summary>The secret's hash: what is stored and looked up.</summary>
    string Hash(string token);
}
