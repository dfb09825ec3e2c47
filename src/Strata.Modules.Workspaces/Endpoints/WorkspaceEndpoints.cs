using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Endpoints;

/// <summary>
/// The Workspaces routes of the API contract. The caller is the scope's tenant (set by authentication), so every
/// database access runs under row-level security on PostgreSQL and tenant filters on SQLite.
/// </summary>
internal static class WorkspaceEndpoints
{
    // Parameter descriptions for the OpenAPI document.
    private const string WorkspaceIdDescription = "The workspace's public id.";
    private const string MemberIdDescription = "The member's user id (public id).";
    private const string LeavingMemberIdDescription = "The member's user id (public id); the caller's own id to leave.";

    // Request examples for the API reference.
    private static readonly JsonElement ExampleMetadata = JsonElement.Parse("""{ "timeZone": "Europe/Berlin", "currency": "EUR", "defaultLanguage": "de" }""");

    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder routes)
    {
        var workspaces = routes.MapGroup("/workspaces").WithTags("Workspaces").RequireSession();
        workspaces.MapPost(string.Empty, CreateAsync).WithValidation<CreateWorkspaceRequest>()
            .WithName("CreateWorkspace").WithSummary("Creates a workspace; the caller becomes its owner.")
            .WithDescription("Creates a workspace with the caller as its owner and answers it (201). " +
                "A slug given and in use answers 409 `workspaces.slug_taken`; without one, the slug is made from the name (with a random suffix when that one is taken). " +
                "Needs a session; audited (`workspace_created`).")
            .WithRequestExample(new CreateWorkspaceRequest("Acme Garage", "acme-garage"))
            .ProducesProblem(StatusCodes.Status409Conflict);
        workspaces.MapGet(string.Empty, ListAsync).WithName("ListWorkspaces").WithSummary("The caller's workspaces.")
            .WithDescription("Lists the workspaces the caller is a member of, by name, each with the caller's role in it. Needs a session.");
        workspaces.MapGet("/{id:guid}", GetAsync).WithName("GetWorkspace").WithSummary("One workspace (members).")
            .WithDescription("Answers a workspace the caller is a member of, in any role, with the caller's role in it. " +
                "Needs a session; a workspace the caller is not a member of answers 404 `workspaces.not_found`, as if it did not exist.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspaces.MapPatch("/{id:guid}", UpdateAsync).WithValidation<UpdateWorkspaceRequest>()
            .WithName("UpdateWorkspace").WithSummary("Changes name, slug or metadata (admins and owners).")
            .WithDescription("Changes the workspace's name, slug or metadata and answers it; absent fields stay as they are, and `metadata` replaces the stored object whole. " +
                "Needs a session and the admin or owner role in the workspace (403 `workspaces.forbidden` below it, 404 for non-members). " +
                "A slug in use answers 409 `workspaces.slug_taken`; audited (`workspace_updated`).")
            .WithRequestExample(new UpdateWorkspaceRequest(Name: "Acme Garage North", Metadata: ExampleMetadata))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        workspaces.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWorkspace").WithSummary("Deletes the workspace, restorably (owners).")
            .WithDescription("Deletes the workspace (soft, so it can be restored) and answers 204; it leaves its members' lists, and its pending invitations can no longer be accepted. " +
                "Needs a session and the owner role (403 `workspaces.forbidden` below it, 404 for non-members); audited (`workspace_deleted`).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        workspaces.MapGet("/{id:guid}/members", ListMembersAsync).WithName("ListMembers").WithSummary("The members, oldest first.")
            .WithDescription("Lists the workspace's members, oldest first, with user id, email, name (null once an account is deleted), role and when they joined. " +
                "Needs a session and any role in the workspace (404 for non-members).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspaces.MapPatch("/{id:guid}/members/{userId:guid}", ChangeRoleAsync).WithValidation<ChangeRoleRequest>()
            .WithName("ChangeMemberRole").WithSummary("Changes a member's role; the last owner cannot be demoted.")
            .WithDescription("Changes a member's role and answers the member. " +
                "Needs a session and the admin role; making or unmaking an owner needs the owner role, or admin while the workspace has no owner (`needsOwner`). " +
                "The last owner cannot be demoted (409 `workspaces.last_owner`); audited (`workspace_member_role_changed`).")
            .WithRequestExample(new ChangeRoleRequest(WorkspaceRole.Admin))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        workspaces.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMemberAsync)
            .WithName("RemoveMember").WithSummary("Removes a member, or leaves; the last owner cannot.")
            .WithDescription("Removes a member, or, with the caller's own user id, leaves the workspace; answers 204. " +
                "Needs a session; removing someone else needs the admin role, and removing an owner the owner role. " +
                "The last owner can neither be removed nor leave (409 `workspaces.last_owner`); audited (`workspace_member_removed`).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Created<WorkspaceDto>> CreateAsync(CreateWorkspaceRequest request, IWorkspaceService workspaces, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.CreateAsync(request.Name, request.Slug, cancellationToken);
        return TypedResults.Created($"/workspaces/{workspace.Id}", workspace);
    }

    private static async Task<Ok<IReadOnlyList<WorkspaceDto>>> ListAsync(IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.ListAsync(cancellationToken));

    private static async Task<Ok<WorkspaceDto>> GetAsync([Description(WorkspaceIdDescription)] Guid id, IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.GetAsync(id, cancellationToken));

    private static async Task<Ok<WorkspaceDto>> UpdateAsync(
        [Description(WorkspaceIdDescription)] Guid id, UpdateWorkspaceRequest request, IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.UpdateAsync(id, new WorkspaceChanges(request.Name, request.Slug, request.Metadata), cancellationToken));

    private static async Task<NoContent> DeleteAsync([Description(WorkspaceIdDescription)] Guid id, IWorkspaceService workspaces, CancellationToken cancellationToken)
    {
        await workspaces.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<MemberDto>>> ListMembersAsync(
        [Description(WorkspaceIdDescription)] Guid id, IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.ListMembersAsync(id, cancellationToken));

    private static async Task<Ok<MemberDto>> ChangeRoleAsync(
        [Description(WorkspaceIdDescription)] Guid id, [Description(MemberIdDescription)] Guid userId, ChangeRoleRequest request, IWorkspaceService workspaces,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.ChangeRoleAsync(id, userId, request.Role, cancellationToken));

    private static async Task<NoContent> RemoveMemberAsync(
        [Description(WorkspaceIdDescription)] Guid id, [Description(LeavingMemberIdDescription)] Guid userId, IWorkspaceService workspaces,
        CancellationToken cancellationToken)
    {
        await workspaces.RemoveMemberAsync(id, userId, cancellationToken);
        return TypedResults.NoContent();
    }
}
