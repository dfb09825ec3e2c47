using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Endpoints;

/// <summary>
/// The invitation routes of the Workspaces contract: an admin invites, lists and revokes; the invitee accepts with the
/// token sent to their verified email.
/// </summary>
internal static class InvitationEndpoints
{
    // Parameter descriptions for the OpenAPI document.
    private const string WorkspaceIdDescription = "The workspace's public id.";
    private const string InvitationIdDescription = "The invitation's public id, as `GET /workspaces/{id}/invitations` lists it.";

    // A request example for the API reference: a token as an invitation answers it.
    private const string ExampleInvitationToken = "TLmLbMlSaH-bPZgbYQGmda_iCq_aJ25d2qWyo00QOMI";

    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder routes)
    {
        var invitations = routes.MapGroup("/workspaces").WithTags("Workspaces").RequireSession();
        invitations.MapPost("/{id:guid}/invitations", InviteAsync).WithValidation<InviteRequest>()
            .WithName("Invite").WithSummary("Invites an email address; answers the token once. Re-inviting replaces the pending invitation.")
            .WithDescription("Invites an email address with a role, mails the invitee a link with the token through the mail outbox, " +
                "and answers the invitation with its token (201): the only time the token is shown. " +
                "A pending invitation to the same address is revoked and replaced; invitations expire after 48 hours by default. " +
                "Needs a session and the admin role in the workspace (owner to invite an owner; 403 `workspaces.forbidden` below it, 404 for non-members); " +
                "audited (`workspace_invitation_created`).")
            .WithRequestExample(new InviteRequest("grace@example.com", WorkspaceRole.Member))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapGet("/{id:guid}/invitations", ListInvitationsAsync).WithName("ListInvitations").WithSummary("Pending invitations (admins).")
            .WithDescription("Lists the workspace's pending, unexpired invitations, oldest first, without their tokens. " +
                "Needs a session and the admin role in the workspace (403 `workspaces.forbidden` below it, 404 for non-members).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapDelete("/{id:guid}/invitations/{invitationId:guid}", RevokeAsync).WithName("RevokeInvitation")
            .WithSummary("Revokes a pending invitation (admins).")
            .WithDescription("Revokes a pending invitation, so its token can no longer be accepted; answers 204. " +
                "An invitation that is not pending answers 404 `workspaces.invitation_not_found`. " +
                "Needs a session and the admin role in the workspace (403 `workspaces.forbidden` below it); audited (`workspace_invitation_revoked`).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/invitations/accept", AcceptAsync).WithTags("Workspaces").RequireSession().WithValidation<TokenRequest>()
            .WithName("AcceptInvitation").WithSummary("Joins a workspace with an invitation token sent to the caller's verified email.")
            .WithDescription("Joins the workspace of an invitation with its token and answers the membership (workspace id and role). " +
                "The caller's email address must be verified (403 `workspaces.email_unverified`) and be the invited one (403 `workspaces.invitation_email_mismatch`); " +
                "a used, expired or revoked invitation answers 410, a caller who is a member already 409 `workspaces.already_member`. " +
                "Needs a session; audited (`workspace_invitation_accepted`).")
            .WithRequestExample(new TokenRequest(ExampleInvitationToken))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        return routes;
    }

    private static async Task<Created<IssuedInvitation>> InviteAsync(
        [Description(WorkspaceIdDescription)] Guid id, InviteRequest request, IInvitationService invitations, CancellationToken cancellationToken)
    {
        var issued = await invitations.InviteAsync(id, request.Email, request.Role, cancellationToken);
        return TypedResults.Created($"/workspaces/{id}/invitations", issued);
    }

    private static async Task<Ok<IReadOnlyList<InvitationDto>>> ListInvitationsAsync(
        [Description(WorkspaceIdDescription)] Guid id, IInvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.ListPendingAsync(id, cancellationToken));

    private static async Task<NoContent> RevokeAsync(
        [Description(WorkspaceIdDescription)] Guid id, [Description(InvitationIdDescription)] Guid invitationId, IInvitationService invitations,
        CancellationToken cancellationToken)
    {
        await invitations.RevokeAsync(id, invitationId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MembershipDto>> AcceptAsync(TokenRequest request, IInvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.AcceptAsync(request.Token, cancellationToken));
}
