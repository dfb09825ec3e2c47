using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.AspNetCore.Routing;
using Strata.AspNetCore.Validation;
using Strata.Data.Repositories;
using Strata.Modules.Auth;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>RBAC and audit administration (<c>rbac.manage</c>, <c>audit.read</c>, <c>users.manage</c>).</summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var rbac = routes.MapGroup("/admin").WithTags("Admin").RequirePermission(AuthModule.RbacManage);
        rbac.MapGet("/roles", ListRolesAsync).WithName("ListRoles").WithSummary("All roles.");
        rbac.MapPost("/roles", CreateRoleAsync).WithValidation<CreateRoleRequest>().WithName("CreateRole").WithSummary("Creates a role.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        rbac.MapGet("/roles/{id:guid}", GetRoleAsync).WithName("GetRole").WithSummary("One role.").ProducesProblem(StatusCodes.Status404NotFound);
        rbac.MapPatch("/roles/{id:guid}", UpdateRoleAsync).WithValidation<UpdateRoleRequest>().WithName("UpdateRole")
            .WithSummary("Renames a role, changes its description or parent (no cycles).").ProducesProblem(StatusCodes.Status409Conflict);
        rbac.MapDelete("/roles/{id:guid}", DeleteRoleAsync).WithName("DeleteRole").WithSummary("Deletes a role; system roles cannot be deleted.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        rbac.MapPut("/roles/{id:guid}/permissions", SetRolePermissionsAsync).WithValidation<RolePermissionsRequest>()
            .WithName("SetRolePermissions").WithSummary("Replaces the role's own permissions.");
        rbac.MapGet("/permissions", ListPermissionsAsync).WithName("ListPermissions").WithSummary("Every permission key.");
        rbac.MapPost("/users/{id:guid}/roles/{roleId:guid}", GrantRoleAsync).WithName("GrantRole").WithSummary("Grants a role to a user.");
        rbac.MapDelete("/users/{id:guid}/roles/{roleId:guid}", RevokeRoleAsync).WithName("RevokeRole").WithSummary("Revokes a role of a user.");
        rbac.MapPost("/users/{id:guid}/permissions/{key}", GrantPermissionAsync).WithName("GrantPermission").WithSummary("Grants a permission to a user directly.");
        rbac.MapDelete("/users/{id:guid}/permissions/{key}", RevokePermissionAsync).WithName("RevokePermission").WithSummary("Revokes a direct permission.");

        routes.MapGroup("/admin").WithTags("Admin").RequirePermission(AuthModule.AuditRead)
            .MapGet("/audit-log", ListAuditLogAsync).WithName("ListAuditLog").WithSummary("The audit log, newest first, keyset paged.");
        routes.MapGroup("/admin").WithTags("Admin").RequirePermission(AuthModule.UsersManage)
            .MapDelete("/users/{id:guid}", DeleteUserAsync).WithName("DeleteUser").WithSummary("Deletes a user (soft) and revokes their sessions.");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<RoleDto>>> ListRolesAsync(IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.ListRolesAsync(cancellationToken));

    private static async Task<Created<RoleDto>> CreateRoleAsync(CreateRoleRequest request, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken)
    {
        var role = await admin.CreateRoleAsync(user.UserId(), request.Name, request.Description, request.ParentRoleId, cancellationToken);
        return TypedResults.Created($"/admin/roles/{role.Id}", role);
    }

    private static async Task<Ok<RoleDto>> GetRoleAsync(Guid id, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.GetRoleAsync(id, cancellationToken));

    private static async Task<Ok<RoleDto>> UpdateRoleAsync(Guid id, UpdateRoleRequest request, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.UpdateRoleAsync(user.UserId(), id, new RoleChange(request.Name, request.Description, request.ParentRoleId, request.ClearParent), cancellationToken));

    private static async Task<NoContent> DeleteRoleAsync(Guid id, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken)
    {
        await admin.DeleteRoleAsync(user.UserId(), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RoleDto>> SetRolePermissionsAsync(Guid id, RolePermissionsRequest request, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.SetRolePermissionsAsync(user.UserId(), id, request.Permissions, cancellationToken));

    private static async Task<Ok<IReadOnlyList<string>>> ListPermissionsAsync(IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.ListPermissionsAsync(cancellationToken));

    private static Task<NoContent> GrantRoleAsync(Guid id, Guid roleId, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserRoleAsync(user.UserId(), id, roleId, granted: true, cancellationToken));

    private static Task<NoContent> RevokeRoleAsync(Guid id, Guid roleId, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserRoleAsync(user.UserId(), id, roleId, granted: false, cancellationToken));

    private static Task<NoContent> GrantPermissionAsync(Guid id, string key, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserPermissionAsync(user.UserId(), id, key, granted: true, cancellationToken));

    private static Task<NoContent> RevokePermissionAsync(Guid id, string key, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserPermissionAsync(user.UserId(), id, key, granted: false, cancellationToken));

    private static async Task<Ok<KeysetPage<AuditEntryDto>>> ListAuditLogAsync([AsParameters] AuditLogQuery query, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.ListAuditLogAsync(new KeysetRequest(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor),
            new AuditLogFilter(query.ActorId, query.Action, query.From?.ToUniversalTime(), query.To?.ToUniversalTime()), cancellationToken));

    private static Task<NoContent> DeleteUserAsync(Guid id, ClaimsPrincipal user, IUserAdministration users, CancellationToken cancellationToken) =>
        NoContentAfter(users.DeleteUserAsync(user.UserId(), id, cancellationToken));

    private static async Task<NoContent> NoContentAfter(Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}
