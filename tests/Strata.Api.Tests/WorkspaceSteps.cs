using System.Net.Http.Json;
using System.Text.Json;

namespace Strata.Api.Tests;

/// <summary>Workspace steps through the API: create, invite, join.</summary>
internal static class WorkspaceSteps
{
    public static async Task<Guid> CreateWorkspaceAsync(this AuthHarness auth, string token, string name = "Acme Parts", string? slug = null)
    {
        var response = await auth.PostAsync("/workspaces", new { name, slug }, token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Confirms the user's email through the real flow (the code comes from the captured mail).</summary>
    public static async Task VerifyEmailAsync(this AuthHarness auth, string email, string token)
    {
        (await auth.SendAsync(HttpMethod.Post, "/auth/email-verification", token: token)).EnsureSuccessStatusCode();
        (await auth.PostAsync("/auth/email-verification/confirm", new { token = auth.Mail.LastCode(email, "email_verification") })).EnsureSuccessStatusCode();
    }

    /// <summary>Invites <paramref name="email"/>; returns the invitation's id and token.</summary>
    public static async Task<(Guid Id, string Token)> InviteAsync(this AuthHarness auth, string token, Guid workspace, string email, string role = "member")
    {
        var response = await auth.PostAsync($"/workspaces/{workspace}/invitations", new { email, role }, token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("invitation").GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    /// <summary>A new user with a verified email, made a member of <paramref name="workspace"/> with <paramref name="role"/>.</summary>
    public static async Task<(Guid Id, string Email, string Token)> JoinedMemberAsync(this AuthHarness auth, string ownerToken, Guid workspace, string role = "member")
    {
        var (id, email, token) = await auth.SignUpAsync();
        await auth.VerifyEmailAsync(email, token);
        var (_, invitation) = await auth.InviteAsync(ownerToken, workspace, email, role);
        (await auth.PostAsync("/invitations/accept", new { token = invitation }, token)).EnsureSuccessStatusCode();
        return (id, email, token);
    }

    /// <summary>An owner with a workspace, and another user with a verified email who is not invited yet.</summary>
    public static async Task<(string OwnerToken, Guid Workspace, string InviteeEmail, string InviteeToken)> WorkspaceAndVerifiedInviteeAsync(this AuthHarness auth)
    {
        var (_, _, owner) = await auth.SignUpAsync();
        var workspace = await auth.CreateWorkspaceAsync(owner);
        var (_, email, token) = await auth.SignUpAsync();
        await auth.VerifyEmailAsync(email, token);
        return (owner, workspace, email, token);
    }
}
