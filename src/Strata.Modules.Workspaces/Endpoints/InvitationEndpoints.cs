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
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder routes)
    {
        var invitations = routes.MapGroup("/workspaces").WithTags("Workspaces").RequireSession();
        invitations.MapPost("/{id:guid}/invitations", InviteAsync).WithValidation<InviteRequest>()
            .WithName("Invite").WithSummary("Invites an email address; answers the token once. Re-inviting replaces the pending invitation.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapGet("/{id:guid}/invitations", ListInvitationsAsync).WithName("ListInvitations").WithSummary("Pending invitations (admins).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapDelete("/{id:guid}/invitations/{invitationId:guid}", RevokeAsync).WithName("RevokeInvitation")
            .WithSummary("Revokes a pending invitation (admins).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/invitations/accept", AcceptAsync).WithTags("Workspaces").RequireSession().WithValidation<TokenRequest>()
            .WithName("AcceptInvitation").WithSummary("Joins a workspace with an invitation token sent to the caller's verified email.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        return routes;
    }

    private static async Task<Created<IssuedInvitation>> InviteAsync(Guid id, InviteRequest request, IInvitationService invitations, CancellationToken cancellationToken)
    {
        var issued = await invitations.InviteAsync(id, request.Email, request.Role, cancellationToken);
        return TypedResults.Created($"/workspaces/{id}/invitations", issued);
    }

    private static async Task<Ok<IReadOnlyList<InvitationDto>>> ListInvitationsAsync(Guid id, IInvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.ListPendingAsync(id, cancellationToken));

    private static async Task<NoContent> RevokeAsync(Guid id, Guid invitationId, IInvitationService invitations, CancellationToken cancellationToken)
    {
        await invitations.RevokeAsync(id, invitationId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MembershipDto>> AcceptAsync(TokenRequest request, IInvitationService invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.AcceptAsync(request.Token, cancellationToken));
}
