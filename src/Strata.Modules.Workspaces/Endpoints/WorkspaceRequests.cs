using System.Text.Json;
using FluentValidation;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Endpoints;

/// <summary>Create-workspace body; the slug is made from the name when absent.</summary>
public sealed record CreateWorkspaceRequest(string Name, string? Slug = null);

/// <summary>Update-workspace body: any of name, slug and metadata (a JSON object, replacing the old one).</summary>
public sealed record UpdateWorkspaceRequest(string? Name = null, string? Slug = null, JsonElement? Metadata = null);

/// <summary>A member's new role.</summary>
public sealed record ChangeRoleRequest(WorkspaceRole Role);

/// <summary>Invite body.</summary>
public sealed record InviteRequest(string Email, WorkspaceRole Role);

internal sealed class CreateWorkspaceRequestValidator : AbstractValidator<CreateWorkspaceRequest>
{
    public CreateWorkspaceRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Slug).MaximumLength(64);
    }
}

internal sealed class UpdateWorkspaceRequestValidator : AbstractValidator<UpdateWorkspaceRequest>
{
    public UpdateWorkspaceRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).When(r => r.Name is not null);
        RuleFor(r => r.Slug).MaximumLength(64);
        RuleFor(r => r).Must(r => r.Name is not null || r.Slug is not null || r.Metadata is not null)
            .WithName("body").WithMessage("Give at least one of name, slug and metadata.");
    }
}

internal sealed class ChangeRoleRequestValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleRequestValidator() => RuleFor(r => r.Role).IsInEnum();
}

internal sealed class InviteRequestValidator : AbstractValidator<InviteRequest>
{
    public InviteRequestValidator()
    {
        RuleFor(r => r.Email).ValidEmailAddress();
        RuleFor(r => r.Role).IsInEnum();
    }
}
