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
    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder routes)
    {
        var workspaces = routes.MapGroup("/workspaces").WithTags("Workspaces").RequireSession();
        workspaces.MapPost(string.Empty, CreateAsync).WithValidation<CreateWorkspaceRequest>()
            .WithName("CreateWorkspace").WithSummary("Creates a workspace; the caller becomes its owner.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        workspaces.MapGet(string.Empty, ListAsync).WithName("ListWorkspaces").WithSummary("The caller's workspaces.");
        workspaces.MapGet("/{id:guid}", GetAsync).WithName("GetWorkspace").WithSummary("One workspace (members).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspaces.MapPatch("/{id:guid}", UpdateAsync).WithValidation<UpdateWorkspaceRequest>()
            .WithName("UpdateWorkspace").WithSummary("Changes name, slug or metadata (admins and owners).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        workspaces.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWorkspace").WithSummary("Deletes the workspace, restorably (owners).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        workspaces.MapGet("/{id:guid}/members", ListMembersAsync).WithName("ListMembers").WithSummary("The members, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspaces.MapPatch("/{id:guid}/members/{userId:guid}", ChangeRoleAsync).WithValidation<ChangeRoleRequest>()
            .WithName("ChangeMemberRole").WithSummary("Changes a member's role; the last owner cannot be demoted.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        workspaces.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMemberAsync)
            .WithName("RemoveMember").WithSummary("Removes a member, or leaves; the last owner cannot.")
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

    private static async Task<Ok<WorkspaceDto>> GetAsync(Guid id, IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.GetAsync(id, cancellationToken));

    private static async Task<Ok<WorkspaceDto>> UpdateAsync(Guid id, UpdateWorkspaceRequest request, IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.UpdateAsync(id, new WorkspaceChanges(request.Name, request.Slug, request.Metadata), cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid id, IWorkspaceService workspaces, CancellationToken cancellationToken)
    {
        await workspaces.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<MemberDto>>> ListMembersAsync(Guid id, IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.ListMembersAsync(id, cancellationToken));

    private static async Task<Ok<MemberDto>> ChangeRoleAsync(
        Guid id, Guid userId, ChangeRoleRequest request, IWorkspaceService workspaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.ChangeRoleAsync(id, userId, request.Role, cancellationToken));

    private static async Task<NoContent> RemoveMemberAsync(Guid id, Guid userId, IWorkspaceService workspaces, CancellationToken cancellationToken)
    {
        await workspaces.RemoveMemberAsync(id, userId, cancellationToken);
        return TypedResults.NoContent();
    }
}
