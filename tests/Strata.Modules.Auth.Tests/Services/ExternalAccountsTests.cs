using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

public sealed class ExternalAccountsTests(AuthTestDatabases databases)
{
    private static readonly ExternalTokens Tokens = new("access-secret-123", "refresh-secret-456", "id-token-789",
        new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), null, "openid email");

    [Theory, BothProviders]
    public async Task Linked_tokens_are_stored_encrypted_and_read_back(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var user = await SignUpAsync(db);
        var accounts = db.Get<IExternalAccounts>();

        await accounts.LinkAsync(user, "github", "https://github.com", "12345", Tokens);

        var stored = await db.ScalarAsync<string>($"SELECT access_token_protected || refresh_token_protected || id_token_protected FROM {db.Table("auth", "accounts")} WHERE issuer = 'https://github.com'");
        Assert.DoesNotContain("secret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("id-token", stored, StringComparison.Ordinal);
        await using var later = db.CreateScope();
        Assert.Equal(Tokens, await later.ServiceProvider.GetRequiredService<IExternalAccounts>().GetTokensAsync(user, "https://github.com"));
    }

    [Theory, BothProviders]
    public async Task An_account_linked_to_another_user_is_a_conflict(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var first = await SignUpAsync(db);
        var second = await SignUpAsync(db);
        await db.Get<IExternalAccounts>().LinkAsync(first, "github", "https://github.com", "12345", Tokens);

        var error = await Assert.ThrowsAsync<ConflictError>(() => db.Get<IExternalAccounts>().LinkAsync(second, "github", "https://github.com", "12345", Tokens));

        Assert.Equal("auth.account_linked", error.Code);
    }

    // A host's Data Protection service creates the first key at start-up, outside any transaction; these tests have no host.
    private static async Task<Guid> SignUpAsync(TestDatabase db)
    {
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        return await db.UserAsync();
    }
}
