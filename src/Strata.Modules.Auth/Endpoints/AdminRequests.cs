using FluentValidation;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>Create-role body.</summary>
public sealed record CreateRoleRequest(string Name, string? Description = null, Guid? ParentRoleId = null);

/// <summary>Update-role body; absent fields stay as they are, <c>clearParent</c> removes the parent.</summary>
public sealed record UpdateRoleRequest(string? Name = null, string? Description = null, Guid? ParentRoleId = null, bool ClearParent = false);

/// <summary>Set-permissions body.</summary>
public sealed record RolePermissionsRequest(IReadOnlyList<string> Permissions);

/// <summary>Audit-log query: keyset paging and filters.</summary>
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
