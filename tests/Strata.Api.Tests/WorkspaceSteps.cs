using System.Net.Http.Json;
using System.Text.Json;

namespace Strata.Api.Tests;

/// <summary>Workspace steps through the API: create, invite, join.</summary>
internal static class WorkspaceSteps
{
    public static async Task<Guid> CreateWorkspaceAsync(this ApiHarness api, string token, string name = "Acme Parts", string? slug = null)
    {
        var response = await api.PostAsync("/workspaces", new { name, slug }, token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Invites <paramref name="email"/>; returns the invitation's id and token.</summary>
    public static async Task<(Guid Id, string Token)> InviteAsync(this ApiHarness api, string token, Guid workspace, string email, string role = "member")
    {
        var response = await api.PostAsync($"/workspaces/{workspace}/invitations", new { email, role }, token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("invitation").GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    /// <summary>A new user with a verified email, made a member of <paramref name="workspace"/> with <paramref name="role"/>.</summary>
    public static async Task<(Guid Id, string Email, string Token)> JoinedMemberAsync(this ApiHarness api, string ownerToken, Guid workspace, string role = "member")
    {
        var (id, email, token) = await api.SignUpAsync();
        await api.VerifyEmailAsync(email, token);
        var (_, invitation) = await api.InviteAsync(ownerToken, workspace, email, role);
        (await api.PostAsync("/invitations/accept", new { token = invitation }, token)).EnsureSuccessStatusCode();
        return (id, email, token);
    }

    /// <summary>An owner with a workspace, and another user with a verified email who is not invited yet.</summary>
    public static async Task<(string OwnerToken, Guid Workspace, string InviteeEmail, string InviteeToken)> WorkspaceAndVerifiedInviteeAsync(this ApiHarness api)
    {
        var (_, _, owner) = await api.SignUpAsync();
        var workspace = await api.CreateWorkspaceAsync(owner);
        var (_, email, token) = await api.SignUpAsync();
        await api.VerifyEmailAsync(email, token);
        return (owner, workspace, email, token);
    }
}
