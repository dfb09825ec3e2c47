namespace Strata.Data.Sessions;

/// <summary>
/// Who the scope acts for. On PostgreSQL the scope's unit-of-work runner writes it into <c>strata.user_id</c> and
/// <c>strata.workspace_id</c> with <c>SET LOCAL</c> in front of the first statement of every transaction (a
/// <see cref="TransactionPrelude"/>), where row-level security policies read it;
/// on SQLite, module query filters read it through <see cref="Conventions.StrataDbContext.CurrentUserId"/>.
/// </summary>
public sealed class TenantContext
{
    /// <summary>The signed-in user's public id.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The workspace the scope acts in.</summary>
    public Guid? WorkspaceId { get; private set; }

    /// <summary>True when a user or a workspace is set.</summary>
    public bool IsSet => UserId is not null || WorkspaceId is not null;

    /// <summary>Sets the tenant; takes effect from the next transaction (or savepoint unit) on.</summary>
    public void Set(Guid? userId, Guid? workspaceId = null)
    {
        UserId = userId;
        WorkspaceId = workspaceId;
    }
}
