using Strata.Data.Security;

namespace Strata.Modules.Auth.Services;

/// <inheritdoc />
internal sealed class SecretTokenSource : ISecretTokenSource
{
    public string New() => SecretTokens.New();

    public string Hash(string token) => SecretTokens.Hash(token);
}
