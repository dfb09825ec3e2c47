using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Services;
using Strata.Testing;

namespace Strata.Modules.Workspaces.Tests;

public sealed class InvitationServiceTests(WorkspacesTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Inviting_an_address_answers_a_pending_invitation_for_the_configured_lifetime_and_its_token(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var db = await databases.FreshAsync(provider, services: services => services.AddSingleton<TimeProvider>(clock));
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        var issued = await InviteAsync(db, owner, workspace.Id, "invitee@example.com", WorkspaceRole.Admin);

        Assert.Equal(("invitee@example.com", WorkspaceRole.Admin, "pending", owner), (issued.Invitation.Email, issued.Invitation.Role, issued.Invitation.Status, issued.Invitation.InvitedBy));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddHours(48), issued.Invitation.ExpiresAt);
        Assert.False(string.IsNullOrEmpty(issued.Token));
    }

    [Theory, BothProviders]
    public async Task Inviting_an_address_mails_the_invitee_the_token_with_a_link_to_accept_it(DatabaseProvider provider)
    {
        var mail = new CapturingMailSender();
        await using var db = await databases.FreshAsync(provider, services: services => services.AddScoped<IMailSender>(_ => mail));
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        var issued = await InviteAsync(db, owner, workspace.Id, "invitee@example.com", WorkspaceRole.Admin);

        var sent = Assert.Single(mail.Sent);
        Assert.Equal(("invitee@example.com", InvitationService.InvitationMailKind), (sent.To, sent.Kind));
        Assert.Equal(issued.Token, mail.LastCode("invitee@example.com", InvitationService.InvitationMailKind));
        Assert.Contains($"/invitations/accept?token={Uri.EscapeDataString(issued.Token)}", sent.Body, StringComparison.Ordinal);
        Assert.Contains(issued.Token, sent.HtmlBody, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task The_token_is_stored_only_as_its_hash(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        var issued = await InviteAsync(db, owner, workspace.Id, "invitee@example.com");

        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("workspaces", "invitations")} WHERE token_hash = '{issued.Token}'"));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("workspaces", "invitations")} WHERE token_hash = '{Strata.Data.Security.SecretTokens.Hash(issued.Token)}'"));
    }

    [Theory, BothProviders]
    public async Task Inviting_an_address_again_replaces_its_pending_invitation(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var first = await InviteAsync(db, owner, workspace.Id, "invitee@example.com");

        var second = await InviteAsync(db, owner, workspace.Id, "Invitee@Example.com", WorkspaceRole.Viewer);

        var pending = await db.AsAsync(owner, s => s.GetRequiredService<IInvitationService>().ListPendingAsync(workspace.Id));
        Assert.Equal([second.Invitation.Id], pending.Select(i => i.Id));
        Assert.Equal("revoked", await StatusAsync(db, first.Invitation.Id));
    }

    [Theory, BothProviders]
    public async Task Inviting_something_that_is_not_an_email_address_is_refused(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);

        var refusal = await Assert.ThrowsAsync<ValidationError>(() => InviteAsync(db, owner, workspace.Id, "invitee@"));

        Assert.Equal("workspaces.invalid_email", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task A_member_may_not_invite(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var member = await db.MemberAsync(owner, workspace.Id, WorkspaceRole.Member);

        var refusal = await Assert.ThrowsAsync<ForbiddenError>(() => InviteAsync(db, member, workspace.Id, "invitee@example.com"));

        Assert.Equal("workspaces.forbidden", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task An_admin_may_invite_a_member_but_not_an_owner(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var admin = await db.MemberAsync(owner, workspace.Id, WorkspaceRole.Admin);

        var invited = await InviteAsync(db, admin, workspace.Id, "member@example.com", WorkspaceRole.Member);
        var refusal = await Assert.ThrowsAsync<ForbiddenError>(() => InviteAsync(db, admin, workspace.Id, "owner@example.com", WorkspaceRole.Owner));

        Assert.Equal("pending", invited.Invitation.Status);
        Assert.Equal("workspaces.forbidden", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task A_stranger_is_told_the_workspace_does_not_exist(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var workspace = await db.WorkspaceAsync(await db.UserAsync());
        var stranger = await db.UserAsync();

        var refusal = await Assert.ThrowsAsync<NotFoundError>(() => InviteAsync(db, stranger, workspace.Id, "invitee@example.com"));

        Assert.Equal("workspaces.not_found", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task Listing_shows_pending_invitations_oldest_first_and_leaves_out_revoked_and_expired_ones(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var db = await databases.FreshAsync(provider, services: services => services.AddSingleton<TimeProvider>(clock));
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        await InviteAsync(db, owner, workspace.Id, "expiring@example.com");
        clock.Advance(TimeSpan.FromHours(24));
        var first = await InviteAsync(db, owner, workspace.Id, "first@example.com");
        var revoked = await InviteAsync(db, owner, workspace.Id, "revoked@example.com");
        var last = await InviteAsync(db, owner, workspace.Id, "last@example.com");
        await db.AsAsync(owner, s => Done(s.GetRequiredService<IInvitationService>().RevokeAsync(workspace.Id, revoked.Invitation.Id)));
        clock.Advance(TimeSpan.FromHours(24));

        var pending = await db.AsAsync(owner, s => s.GetRequiredService<IInvitationService>().ListPendingAsync(workspace.Id));

        Assert.Equal([first.Invitation.Id, last.Invitation.Id], pending.Select(i => i.Id));
    }

    [Theory, BothProviders]
    public async Task Revoking_a_pending_invitation_closes_it_for_good(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var invitee = await db.VerifiedUserAsync();
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(invitee));

        await db.AsAsync(owner, s => Done(s.GetRequiredService<IInvitationService>().RevokeAsync(workspace.Id, issued.Invitation.Id)));

        var refusal = await Assert.ThrowsAsync<GoneError>(() => AcceptAsync(db, invitee, issued.Token));
        Assert.Equal("workspaces.invitation_revoked", refusal.Code);
        Assert.Equal("revoked", await StatusAsync(db, issued.Invitation.Id));
    }

    [Theory, BothProviders]
    public async Task Revoking_an_invitation_that_is_not_pending_is_not_found(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var issued = await InviteAsync(db, owner, workspace.Id, "invitee@example.com");
        await db.AsAsync(owner, s => Done(s.GetRequiredService<IInvitationService>().RevokeAsync(workspace.Id, issued.Invitation.Id)));

        var again = await Assert.ThrowsAsync<NotFoundError>(() =>
            db.AsAsync(owner, s => Done(s.GetRequiredService<IInvitationService>().RevokeAsync(workspace.Id, issued.Invitation.Id))));
        var unknown = await Assert.ThrowsAsync<NotFoundError>(() =>
            db.AsAsync(owner, s => Done(s.GetRequiredService<IInvitationService>().RevokeAsync(workspace.Id, Guid.NewGuid()))));

        Assert.Equal(("workspaces.invitation_not_found", "workspaces.invitation_not_found"), (again.Code, unknown.Code));
    }

    [Theory, BothProviders]
    public async Task Accepting_makes_the_invitee_a_member_with_the_invited_role(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var invitee = await db.VerifiedUserAsync();
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(invitee), WorkspaceRole.Admin);

        var membership = await AcceptAsync(db, invitee, issued.Token);

        Assert.Equal(new MembershipDto(workspace.Id, WorkspaceRole.Admin), membership);
        Assert.Equal(WorkspaceRole.Admin, await db.AsAsync(invitee, s => s.GetRequiredService<IWorkspaceAccess>().GetRoleAsync(workspace.Id)));
        Assert.Equal("accepted", await StatusAsync(db, issued.Invitation.Id));
    }

    [Theory, BothProviders]
    public async Task Inviting_revoking_and_accepting_are_audited_against_the_workspace(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var invitee = await db.VerifiedUserAsync();
        var revoked = await InviteAsync(db, owner, workspace.Id, "someone@example.com");
        await db.AsAsync(owner, s => Done(s.GetRequiredService<IInvitationService>().RevokeAsync(workspace.Id, revoked.Invitation.Id)));
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(invitee));

        await AcceptAsync(db, invitee, issued.Token);

        var audit = db.Table("auth", "audit_log");
        var target = $"target = 'workspace:{workspace.Id}'";
        Assert.Equal(2, await db.ScalarAsync<long>($"SELECT count(*) FROM {audit} WHERE action = 'workspace_invitation_created' AND {target}"));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {audit} WHERE action = 'workspace_invitation_revoked' AND {target}"));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {audit} WHERE action = 'workspace_invitation_accepted' AND {target}"));
    }

    [Theory, BothProviders]
    public async Task Accepting_an_expired_invitation_is_gone_and_marks_it_expired(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var db = await databases.FreshAsync(provider, services: services => services.AddSingleton<TimeProvider>(clock));
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var invitee = await db.VerifiedUserAsync();
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(invitee));
        clock.Advance(TimeSpan.FromHours(48));

        var refusal = await Assert.ThrowsAsync<GoneError>(() => AcceptAsync(db, invitee, issued.Token));

        Assert.Equal("workspaces.invitation_expired", refusal.Code);
        Assert.Equal("expired", await StatusAsync(db, issued.Invitation.Id));
    }

    [Theory, BothProviders]
    public async Task Accepting_an_accepted_invitation_again_is_gone_as_used(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var invitee = await db.VerifiedUserAsync();
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(invitee));
        await AcceptAsync(db, invitee, issued.Token);

        var refusal = await Assert.ThrowsAsync<GoneError>(() => AcceptAsync(db, invitee, issued.Token));

        Assert.Equal("workspaces.invitation_used", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task Accepting_an_invitation_to_a_deleted_workspace_is_gone_as_revoked(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var invitee = await db.VerifiedUserAsync();
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(invitee));
        await db.AsAsync(owner, s => Done(s.GetRequiredService<IWorkspaceService>().DeleteAsync(workspace.Id)));

        var refusal = await Assert.ThrowsAsync<GoneError>(() => AcceptAsync(db, invitee, issued.Token));

        Assert.Equal("workspaces.invitation_revoked", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task Accepting_an_invitation_for_another_address_is_forbidden_and_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var intruder = await db.VerifiedUserAsync();
        var issued = await InviteAsync(db, owner, workspace.Id, "invitee@example.com");

        var refusal = await Assert.ThrowsAsync<ForbiddenError>(() => AcceptAsync(db, intruder, issued.Token));

        Assert.Equal("workspaces.invitation_email_mismatch", refusal.Code);
        Assert.Equal("pending", await StatusAsync(db, issued.Invitation.Id));
        Assert.Null(await db.AsAsync(intruder, s => s.GetRequiredService<IWorkspaceAccess>().GetRoleAsync(workspace.Id)));
    }

    [Theory, BothProviders]
    public async Task Accepting_while_already_a_member_is_a_conflict(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        await db.VerifyEmailAsync(owner);
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(owner), WorkspaceRole.Viewer);

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => AcceptAsync(db, owner, issued.Token));

        Assert.Equal("workspaces.already_member", refusal.Code);
        Assert.Equal(WorkspaceRole.Owner, await db.AsAsync(owner, s => s.GetRequiredService<IWorkspaceAccess>().GetRoleAsync(workspace.Id)));
    }

    [Theory, BothProviders]
    public async Task Accepting_with_an_unverified_email_is_forbidden_and_leaves_the_invitation_pending(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var owner = await db.UserAsync();
        var workspace = await db.WorkspaceAsync(owner);
        var invitee = await db.UserAsync();
        var issued = await InviteAsync(db, owner, workspace.Id, await db.EmailOfAsync(invitee));

        var refusal = await Assert.ThrowsAsync<ForbiddenError>(() => AcceptAsync(db, invitee, issued.Token));

        Assert.Equal("workspaces.email_unverified", refusal.Code);
        Assert.Equal("pending", await StatusAsync(db, issued.Invitation.Id));
    }

    [Theory, BothProviders]
    public async Task Accepting_with_an_unknown_token_is_invalid(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var invitee = await db.VerifiedUserAsync();

        var refusal = await Assert.ThrowsAsync<ValidationError>(() => AcceptAsync(db, invitee, "not-a-token"));

        Assert.Equal("workspaces.invalid_invitation", refusal.Code);
    }

    private static Task<IssuedInvitation> InviteAsync(TestDatabase db, Guid actor, Guid workspace, string email, WorkspaceRole role = WorkspaceRole.Member) =>
        db.AsAsync(actor, s => s.GetRequiredService<IInvitationService>().InviteAsync(workspace, email, role));

    private static Task<MembershipDto> AcceptAsync(TestDatabase db, Guid user, string token) =>
        db.AsAsync(user, s => s.GetRequiredService<IInvitationService>().AcceptAsync(token));

    private static async Task<string> StatusAsync(TestDatabase db, Guid invitation)
    {
        var id = db.Provider == DatabaseProvider.Sqlite ? invitation.ToString().ToUpperInvariant() : invitation.ToString();
        // Past the tenant rules: on PostgreSQL the test connection is the owner's.
        return (await db.ScalarAsync<string>($"SELECT status FROM {db.Table("workspaces", "invitations")} WHERE public_id = '{id}'"))!;
    }

    private static async Task<bool> Done(Task work)
    {
        await work;
        return true;
    }
}
