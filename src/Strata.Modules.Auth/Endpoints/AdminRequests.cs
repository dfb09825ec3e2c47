using FluentValidation;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>Create-role body.</summary>
/// <param name="Name">Unique role name, 1 to 100 characters.</param>
/// <param name="Description">What the role is for, at most 500 characters.</param>
/// <param name="ParentRoleId">A role to inherit from: the new role holds the parent's permissions too.</param>
public sealed record CreateRoleRequest(string Name, string? Description = null, Guid? ParentRoleId = null);

/// <summary>Update-role body; absent fields stay as they are, <c>clearParent</c> removes the parent.</summary>
/// <param name="Name">New unique name, 1 to 100 characters.</param>
/// <param name="Description">New description, at most 500 characters.</param>
/// <param name="ParentRoleId">New parent role; it must not make a role inherit from itself.</param>
/// <param name="ClearParent">True removes the parent; not together with <c>parentRoleId</c>.</param>
public sealed record UpdateRoleRequest(string? Name = null, string? Description = null, Guid? ParentRoleId = null, bool ClearParent = false);

/// <summary>Set-permissions body.</summary>
/// <param name="Permissions">The role's complete set of own permission keys (<c>GET /admin/permissions</c> lists them); empty removes them all.</param>
public sealed record RolePermissionsRequest(IReadOnlyList<string> Permissions);

/// <summary>Audit-log query: keyset paging and filters.</summary>
/// <param name="Limit">Entries per page.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page; absent for the first page.</param>
/// <param name="ActorId">Only entries of this actor (a user's public id).</param>
/// <param name="Action">Only entries of this action, such as <c>authn_login_fail</c> or <c>authz_change</c>.</param>
/// <param name="From">Only entries at or after this time (inclusive).</param>
/// <param name="To">Only entries before this time (exclusive).</param>
public sealed record AuditLogQuery(int? Limit = null, string? Cursor = null, Guid? ActorId = null, string? Action = null, DateTime? From = null, DateTime? To = null);

internal sealed class CreateRoleRequestValidator : AbstractValidator<CreateRoleRequest>
{
    public CreateRoleRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Description).MaximumLength(500);
    }
}

internal sealed class UpdateRoleRequestValidator : AbstractValidator<UpdateRoleRequest>
{
    public UpdateRoleRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).When(r => r.Name is not null);
        RuleFor(r => r.Description).MaximumLength(500);
        RuleFor(r => r.ParentRoleId).Null().When(r => r.ClearParent).WithMessage("Give parentRoleId or clearParent, not both.");
    }
}

internal sealed class RolePermissionsRequestValidator : AbstractValidator<RolePermissionsRequest>
{
    public RolePermissionsRequestValidator() => RuleFor(r => r.Permissions).NotNull();
}
