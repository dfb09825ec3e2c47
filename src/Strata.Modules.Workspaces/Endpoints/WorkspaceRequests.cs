using System.Text.Json;
using FluentValidation;
using Strata.Modules.Auth.Endpoints;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Endpoints;

/// <summary>Create-workspace body; the slug is made from the name when absent.</summary>
/// <param name="Name">Display name, 1 to 200 characters.</param>
/// <param name="Slug">URL name: 1 to 64 lower-case letters, digits and single hyphens, starting and ending with a letter or digit; made from the name when absent.</param>
public sealed record CreateWorkspaceRequest(string Name, string? Slug = null);

/// <summary>Update-workspace body: any of name, slug and metadata (a JSON object, replacing the old one).</summary>
/// <param name="Name">New display name, 1 to 200 characters.</param>
/// <param name="Slug">New URL name: 1 to 64 lower-case letters, digits and single hyphens; unique among live workspaces.</param>
/// <param name="Metadata">New free-form settings: a JSON object of at most 16,384 characters, replacing the stored one whole.</param>
public sealed record UpdateWorkspaceRequest(string? Name = null, string? Slug = null, JsonElement? Metadata = null);

/// <summary>A member's new role.</summary>
/// <param name="Role">The role the member gets.</param>
public sealed record ChangeRoleRequest(WorkspaceRole Role);

/// <summary>Invite body.</summary>
/// <param name="Email">The invitee's address: they accept signed in to an account whose verified email is this one.</param>
/// <param name="Role">The role they get on accepting; <c>owner</c> only when an owner invites.</param>
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
