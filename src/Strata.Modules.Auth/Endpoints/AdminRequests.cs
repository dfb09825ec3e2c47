using FluentValidation;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>Create-role body.</summary>
public sealed record CreateRoleRequest(string Name, string? Description, Guid? ParentRoleId);

/// <summary>Update-role body; absent fields stay as they are, <c>clearParent</c> removes the parent.</summary>
public sealed record UpdateRoleRequest(string? Name, string? Description, Guid? ParentRoleId, bool ClearParent = false);

/// <summary>Set-permissions body.</summary>
public sealed record RolePermissionsRequest(IReadOnlyList<string> Permissions);

/// <summary>Audit-log query: keyset paging and filters.</summary>
public sealed record AuditLogQuery(int? Limit, string? Cursor, Guid? ActorId, string? Action, DateTime? From, DateTime? To);

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
