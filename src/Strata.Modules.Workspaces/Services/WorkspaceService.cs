using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Services;
using Strata.Modules.Workspaces.Events;
using Strata.Modules.Workspaces.Repositories;
using Strata.Modules.Workspaces.Schema;

namespace Strata.Modules.Workspaces.Services;

/// <inheritdoc />
internal sealed class WorkspaceService(
    DatabaseSession database,
    WorkspaceAccess access,
    WorkspaceRepository workspaces,
    MemberRepository members,
    IUserDirectory users,
    IAuditTrail audit,
    TimeProvider clock) : IWorkspaceService
{
    private const int GeneratedSlugAttempts = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<WorkspaceDto> CreateAsync(string name, string? slug, CancellationToken cancellationToken = default)
    {
        CheckSlug(slug);
        var creator = access.CurrentUser;
        return database.InTransactionAsync(async token =>
        {
            var workspace = await InsertAsync(name.Trim(), slug, creator, token);
            await members.AddAsync(new Member { WorkspaceId = workspace.Id, UserId = creator, Role = WorkspaceRole.Owner, JoinedAt = Now }, token);
            await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.Created, access.CurrentUser, workspace.PublicId, token, ("slug", workspace.Slug));
            return ToDto(workspace, WorkspaceRole.Owner);
        }, cancellationToken: cancellationToken);
    }

    public Task<IReadOnlyList<WorkspaceDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var user = access.CurrentUser;
        return database.InTransactionAsync<IReadOnlyList<WorkspaceDto>>(
            async token => [.. (await workspaces.ListForUserAsync(user, token)).Select(w => ToDto(w.Workspace, w.Role))],
            TransactionOptions.Reading, cancellationToken);
    }

    public Task<WorkspaceDto> GetAsync(Guid workspaceId, CancellationToken cancellationToken = default) =>
        // Any member may read (viewer is the lowest role), so the access check is the join in the read itself: one query.
        database.InTransactionAsync(async token =>
        {
            var found = await workspaces.GetForMemberAsync(workspaceId, access.CurrentUser, token);
            return ToDto(found.Workspace, found.Role);
        }, TransactionOptions.Reading, cancellationToken);

    public Task<WorkspaceDto> UpdateAsync(Guid workspaceId, WorkspaceChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        CheckSlug(changes.Slug);
        var metadata = changes.Metadata is { } json ? JsonObjectText.From(json, "workspaces.invalid_metadata", "metadata") : null;
        return database.InTransactionAsync(async token =>
        {
            var membership = await access.RequireAsync(workspaceId, WorkspaceRole.Admin, token);
            var workspace = await workspaces.GetTrackedAsync(workspaceId, token);
            workspace.Name = changes.Name?.Trim() ?? workspace.Name;
            workspace.Slug = changes.Slug ?? workspace.Slug;
            workspace.Metadata = metadata ?? workspace.Metadata;
            try
            {
                await workspaces.UpdateAsync(workspace, token);
            }
            catch (ConflictError conflict) when (conflict.Field == "slug")
            {
                throw SlugTaken(conflict);
            }

            await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.Updated, access.CurrentUser, workspaceId, token);
            return ToDto(workspace, membership.Role);
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteAsync(Guid workspaceId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            await access.RequireAsync(workspaceId, WorkspaceRole.Owner, token);
            await workspaces.SoftDeleteAsync(await workspaces.GetTrackedAsync(workspaceId, token), token);
            await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.Deleted, access.CurrentUser, workspaceId, token);
        }, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<MemberDto>> ListMembersAsync(Guid workspaceId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync<IReadOnlyList<MemberDto>>(async token =>
        {
            var membership = await access.RequireAsync(workspaceId, WorkspaceRole.Viewer, token);
            var rows = await members.ListAsync(membership.WorkspaceId, token);
            var people = (await users.FindManyAsync([.. rows.Select(m => m.UserId)], token)).ToDictionary(u => u.Id);
            return [.. rows.Select(m => ToDto(m, people.GetValueOrDefault(m.UserId)))];
        }, TransactionOptions.Reading, cancellationToken);

    public Task<MemberDto> ChangeRoleAsync(Guid workspaceId, Guid userId, WorkspaceRole role, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ValidationError("workspaces.invalid_role", "role", "The role must be owner, admin, member or viewer.");
        }

        return database.InTransactionAsync(async token =>
        {
            var actor = await access.RequireAsync(workspaceId, WorkspaceRole.Admin, token);
            var workspace = await workspaces.GetTrackedAsync(workspaceId, token);
            var member = await FindMemberAsync(actor.WorkspaceId, userId, token);
            if (member.Role == WorkspaceRole.Owner || role == WorkspaceRole.Owner)
            {
                // Owners make and unmake owners; in a workspace whose last owner's account is gone, its admins may.
                var mayGrantOwner = actor.Role == WorkspaceRole.Owner || workspace.OwnerlessSince is not null;
                if (!mayGrantOwner)
                {
                    throw new ForbiddenError("workspaces.forbidden", "Only an owner can make or unmake an owner.");
                }
            }

            if (member.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner)
            {
                await EnsureAnotherOwnerAsync(workspace, token);
            }

            var previous = member.Role;
            member.Role = role;
            await members.UpdateAsync(member, token);
            if (role == WorkspaceRole.Owner && workspace.OwnerlessSince is not null)
            {
                workspace.OwnerlessSince = null;
                await workspaces.UpdateAsync(workspace, token);
            }

            await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.MemberRoleChanged, access.CurrentUser, workspaceId, token,
                ("user", userId.ToString()), ("from", WorkspaceRoles.Name(previous)), ("to", WorkspaceRoles.Name(role)));
            return ToDto(member, await users.FindAsync(userId, token));
        }, cancellationToken: cancellationToken);
    }

    public Task RemoveMemberAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var leaving = userId == access.CurrentUser;
            var actor = await access.RequireAsync(workspaceId, leaving ? WorkspaceRole.Viewer : WorkspaceRole.Admin, token);
            var member = await FindMemberAsync(actor.WorkspaceId, userId, token);
            if (member.Role == WorkspaceRole.Owner)
            {
                if (!leaving && actor.Role != WorkspaceRole.Owner)
                {
                    throw new ForbiddenError("workspaces.forbidden", "Only an owner can remove an owner.");
                }

                await EnsureAnotherOwnerAsync(await workspaces.GetTrackedAsync(workspaceId, token), token);
            }

            await members.RemoveAsync(member, token);
            await audit.RecordWorkspaceChangeAsync(WorkspaceAuditActions.MemberRemoved, access.CurrentUser, workspaceId, token,
                ("user", userId.ToString()), ("left", leaving ? "true" : "false"));
        }, cancellationToken: cancellationToken);

    internal static WorkspaceDto ToDto(Workspace workspace, WorkspaceRole role) =>
        new(workspace.PublicId, workspace.Name, workspace.Slug, JsonObjectText.Read(workspace.Metadata), role, workspace.OwnerlessSince is not null,
            workspace.CreatedAt, workspace.UpdatedAt);

    private static MemberDto ToDto(Member member, UserDto? user) => new(member.UserId, user?.Email, user?.Name, member.Role, member.JoinedAt);

    private static void CheckSlug(string? slug)
    {
        if (slug is not null && !Slugs.IsValid(slug))
        {
            throw new ValidationError("workspaces.invalid_slug", "slug",
                "The slug must be 1 to 64 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");
        }
    }

    private static ConflictError SlugTaken(Exception? inner = null) =>
        new("workspaces.slug_taken", "Another workspace already has this slug.", "slug", inner);

    /// <summary>
    /// Inserts the workspace, each attempt in a savepoint so a taken slug rolls back only the attempt. A requested
    /// slug that is taken is a 409; a generated one gets a random suffix (other tenants' slugs are invisible here,
    /// so the unique index is what decides).
    /// </summary>
    private async Task<Workspace> InsertAsync(string name, string? requestedSlug, Guid creator, CancellationToken cancellationToken)
    {
        var slug = requestedSlug ?? Slugs.FromName(name);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.InTransactionAsync(
                    token => workspaces.AddAsync(new Workspace { Name = name, Slug = slug, CreatedBy = creator }, token),
                    new TransactionOptions { Savepoint = true }, cancellationToken);
            }
            catch (ConflictError conflict) when (conflict.Field == "slug")
            {
                if (requestedSlug is not null || attempt == GeneratedSlugAttempts)
                {
                    throw SlugTaken(conflict);
                }

                slug = Slugs.WithSuffix(Slugs.FromName(name));
            }
        }
    }

    private async Task<Member> FindMemberAsync(long workspaceId, Guid userId, CancellationToken cancellationToken) =>
        await members.FindForUpdateAsync(workspaceId, userId, cancellationToken)
            ?? throw new NotFoundError("workspaces.member_not_found", $"The user {userId} is not a member of this workspace.");

    /// <summary>
    /// Refuses to lose the last owner. The workspace row is written too, so its version serialises two owners
    /// demoting each other at once: the second sees a stale version (409) instead of both passing the count.
    /// </summary>
    private async Task EnsureAnotherOwnerAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        if (await members.CountOwnersAsync(workspace.Id, cancellationToken) <= 1)
        {
            throw new ConflictError("workspaces.last_owner", "A workspace keeps at least one owner: make someone else owner first.", "role");
        }

        await workspaces.TouchAsync(workspace, cancellationToken);
    }
}
