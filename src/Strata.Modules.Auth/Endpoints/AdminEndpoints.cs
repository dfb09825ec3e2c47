using System.ComponentModel;
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
    // Parameter descriptions for the OpenAPI document.
    private const string RoleIdDescription = "The role's public id.";
    private const string UserIdDescription = "The user's public id.";
    private const string GrantedRoleIdDescription = "The public id of the role to grant or revoke.";
    private const string PermissionKeyDescription = "The permission key, such as `catalog.write` (`GET /admin/permissions` lists them).";

    // Request examples for the API reference.
    private static readonly Guid ExampleParentRoleId = new("74c8e759-75f1-4d22-a8ac-f50ae0b2238d");
    private static readonly string[] ExamplePermissions = ["catalog.write", AuthModule.AuditRead];

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var rbac = routes.MapGroup("/admin").WithTags("Admin").RequirePermission(AuthModule.RbacManage);
        rbac.MapGet("/roles", ListRolesAsync).WithName("ListRoles").WithSummary("All roles.")
            .WithDescription("Lists every role by name, with its description, parent, whether it is a system role, and the permission keys granted to it (not those it inherits).");
        rbac.MapPost("/roles", CreateRoleAsync).WithValidation<CreateRoleRequest>().WithName("CreateRole").WithSummary("Creates a role.")
            .WithDescription("Creates a role, optionally under a parent role whose permissions it inherits, and answers it (201) without permissions of its own yet. " +
                "A name in use answers 409 `auth.role_name_taken`, an unknown parent 404 `auth.role_not_found`. Audited (`authz_change`).")
            .WithRequestExample(new CreateRoleRequest("Catalog editor", "Maintains parts and the vehicle hierarchy.", ExampleParentRoleId))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        rbac.MapGet("/roles/{id:guid}", GetRoleAsync).WithName("GetRole").WithSummary("One role.")
            .WithDescription("Answers one role with its description, parent, system flag and the permission keys granted to it; an unknown id answers 404 `auth.role_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rbac.MapPatch("/roles/{id:guid}", UpdateRoleAsync).WithValidation<UpdateRoleRequest>().WithName("UpdateRole")
            .WithSummary("Renames a role, changes its description or parent (no cycles).")
            .WithDescription("Changes a role's name, description or parent and answers the role; absent fields stay as they are, and `clearParent: true` removes the parent. " +
                "A parent that would make a role inherit from itself answers 409 `auth.role_cycle`, a name in use 409 `auth.role_name_taken`. Audited (`authz_change`).")
            .WithRequestExample(new UpdateRoleRequest(Description: "Maintains parts, images and the vehicle hierarchy.", ParentRoleId: ExampleParentRoleId))
            .ProducesProblem(StatusCodes.Status409Conflict);
        rbac.MapDelete("/roles/{id:guid}", DeleteRoleAsync).WithName("DeleteRole").WithSummary("Deletes a role; system roles cannot be deleted.")
            .WithDescription("Deletes a role; answers 204. " +
                "System roles (409 `auth.system_role`) and roles that other roles inherit from (409 `auth.role_has_children`) cannot be deleted. Audited (`authz_change`).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        rbac.MapPut("/roles/{id:guid}/permissions", SetRolePermissionsAsync).WithValidation<RolePermissionsRequest>()
            .WithName("SetRolePermissions").WithSummary("Replaces the role's own permissions.")
            .WithDescription("Replaces the permission keys granted to the role with the list given (an empty list removes them all) and answers the role; " +
                "what it inherits from its parent is unchanged. Unknown keys answer 400 `auth.unknown_permission`. " +
                "Takes effect on the holders' next request; audited (`authz_change`).")
            .WithRequestExample(new RolePermissionsRequest(ExamplePermissions));
        rbac.MapGet("/permissions", ListPermissionsAsync).WithName("ListPermissions").WithSummary("Every permission key.")
            .WithDescription("Lists every permission key the modules declare, sorted (`audit.read`, `catalog.write`, `rbac.manage`, `users.manage`, " +
                "…): the keys roles and users can be granted.");
        rbac.MapPost("/users/{id:guid}/roles/{roleId:guid}", GrantRoleAsync).WithName("GrantRole").WithSummary("Grants a role to a user.")
            .WithDescription("Grants a role, with the permissions it has and inherits, to a user; answers 204, also when the user holds it already (idempotent). " +
                "An unknown user or role answers 404. Takes effect on the user's next request; audited (`authz_change`).");
        rbac.MapDelete("/users/{id:guid}/roles/{roleId:guid}", RevokeRoleAsync).WithName("RevokeRole").WithSummary("Revokes a role of a user.")
            .WithDescription("Revokes a role from a user; answers 204, also when the user did not hold it (idempotent). " +
                "Permissions the user holds through other roles or directly remain. An unknown user or role answers 404; audited (`authz_change`).");
        rbac.MapPost("/users/{id:guid}/permissions/{key}", GrantPermissionAsync).WithName("GrantPermission").WithSummary("Grants a permission to a user directly.")
            .WithDescription("Grants a permission to a user directly, outside any role; answers 204, also when granted already (idempotent). " +
                "An unknown user answers 404, an unknown key 404 `auth.permission_not_found`. Takes effect on the user's next request; audited (`authz_change`).");
        rbac.MapDelete("/users/{id:guid}/permissions/{key}", RevokePermissionAsync).WithName("RevokePermission").WithSummary("Revokes a direct permission.")
            .WithDescription("Revokes a permission granted to a user directly; answers 204, also when there was none (idempotent). " +
                "The user keeps it if a role of theirs grants it. An unknown user answers 404, an unknown key 404 `auth.permission_not_found`; audited (`authz_change`).");

        routes.MapGroup("/admin").WithTags("Admin").RequirePermission(AuthModule.AuditRead)
            .MapGet("/audit-log", ListAuditLogAsync).WithName("ListAuditLog").WithSummary("The audit log, newest first, keyset paged.")
            .WithDescription("Reads the audit log, newest first: sign-ins, sessions, codes, password, passkey, role and permission changes, " +
                "refused permission checks and workspace changes, each with actor, target, outcome, client and metadata. " +
                "Filter by `actorId`, `action` and a time span (`from` inclusive, `to` exclusive). " +
                "Keyset paged: pass `nextCursor` as `cursor` for the next page.");
        routes.MapGroup("/admin").WithTags("Admin").RequirePermission(AuthModule.UsersManage)
            .MapDelete("/users/{id:guid}", DeleteUserAsync).WithName("DeleteUser").WithSummary("Deletes a user (soft) and revokes their sessions.")
            .WithDescription("Deletes a user (soft: the row is kept, the account can no longer sign in): revokes all their sessions, " +
                "removes their passkeys and their workspace memberships (a workspace left without an owner is flagged `needsOwner`). " +
                "Answers 204; an unknown user answers 404. Audited (`user_deleted`).");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<RoleDto>>> ListRolesAsync(IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.ListRolesAsync(cancellationToken));

    private static async Task<Created<RoleDto>> CreateRoleAsync(CreateRoleRequest request, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken)
    {
        var role = await admin.CreateRoleAsync(user.UserId(), request.Name, request.Description, request.ParentRoleId, cancellationToken);
        return TypedResults.Created($"/admin/roles/{role.Id}", role);
    }

    private static async Task<Ok<RoleDto>> GetRoleAsync([Description(RoleIdDescription)] Guid id, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.GetRoleAsync(id, cancellationToken));

    private static async Task<Ok<RoleDto>> UpdateRoleAsync(
        [Description(RoleIdDescription)] Guid id, UpdateRoleRequest request, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.UpdateRoleAsync(user.UserId(), id, new RoleChange(request.Name, request.Description, request.ParentRoleId, request.ClearParent), cancellationToken));

    private static async Task<NoContent> DeleteRoleAsync(
        [Description(RoleIdDescription)] Guid id, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken)
    {
        await admin.DeleteRoleAsync(user.UserId(), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RoleDto>> SetRolePermissionsAsync(
        [Description(RoleIdDescription)] Guid id, RolePermissionsRequest request, ClaimsPrincipal user, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.SetRolePermissionsAsync(user.UserId(), id, request.Permissions, cancellationToken));

    private static async Task<Ok<IReadOnlyList<string>>> ListPermissionsAsync(IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.ListPermissionsAsync(cancellationToken));

    private static Task<NoContent> GrantRoleAsync(
        [Description(UserIdDescription)] Guid id, [Description(GrantedRoleIdDescription)] Guid roleId, ClaimsPrincipal user, IRoleAdministration admin,
        CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserRoleAsync(user.UserId(), id, roleId, granted: true, cancellationToken));

    private static Task<NoContent> RevokeRoleAsync(
        [Description(UserIdDescription)] Guid id, [Description(GrantedRoleIdDescription)] Guid roleId, ClaimsPrincipal user, IRoleAdministration admin,
        CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserRoleAsync(user.UserId(), id, roleId, granted: false, cancellationToken));

    private static Task<NoContent> GrantPermissionAsync(
        [Description(UserIdDescription)] Guid id, [Description(PermissionKeyDescription)] string key, ClaimsPrincipal user, IRoleAdministration admin,
        CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserPermissionAsync(user.UserId(), id, key, granted: true, cancellationToken));

    private static Task<NoContent> RevokePermissionAsync(
        [Description(UserIdDescription)] Guid id, [Description(PermissionKeyDescription)] string key, ClaimsPrincipal user, IRoleAdministration admin,
        CancellationToken cancellationToken) =>
        NoContentAfter(admin.SetUserPermissionAsync(user.UserId(), id, key, granted: false, cancellationToken));

    private static async Task<Ok<KeysetPage<AuditEntryDto>>> ListAuditLogAsync(
        [AsParameters] AuditLogQuery query, IRoleAdministration admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.ListAuditLogAsync(new KeysetRequest(query.Limit ?? KeysetRequest.DefaultLimit, query.Cursor),
            new AuditLogFilter(query.ActorId, query.Action, query.From?.ToUniversalTime(), query.To?.ToUniversalTime()), cancellationToken));

    private static Task<NoContent> DeleteUserAsync(
        [Description(UserIdDescription)] Guid id, ClaimsPrincipal user, IUserAdministration users, CancellationToken cancellationToken) =>
        NoContentAfter(users.DeleteUserAsync(user.UserId(), id, cancellationToken));

    private static async Task<NoContent> NoContentAfter(Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}
