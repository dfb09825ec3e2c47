using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Api.Tests.Reliability;

/// <summary>
/// The workspaces half of the secrets-at-rest scan (auth's is <c>SecretsAtRestTests</c> in the auth tests): a copy of
/// the database after invitations were sent and accepted holds none of their tokens, nor any session token.
/// </summary>
public sealed class InvitationSecretsAtRestTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_dump_after_inviting_and_joining_holds_no_invitation_or_session_token(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ownerToken, workspace, inviteeEmail, inviteeToken) = await api.WorkspaceAndVerifiedInviteeAsync();
        var (_, accepted) = await api.InviteAsync(ownerToken, workspace, inviteeEmail);
        (await api.PostAsync("/invitations/accept", new { token = accepted }, inviteeToken)).EnsureSuccessStatusCode();
        var (_, pending) = await api.InviteAsync(ownerToken, workspace, TestUsers.NewEmail(), "admin");

        var dump = await DatabaseDump.ReadAsync(api.Database);

        Assert.Contains(inviteeEmail, dump, StringComparison.OrdinalIgnoreCase);
        Assert.All(new[] { accepted, pending, ownerToken, inviteeToken }, secret => Assert.DoesNotContain(secret, dump, StringComparison.Ordinal));
    }
}
