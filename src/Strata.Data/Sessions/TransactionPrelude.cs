using System.Data.Common;
using System.Globalization;

namespace Strata.Data.Sessions;

/// <summary>
/// What a PostgreSQL transaction must state before its first statement — <c>SET TRANSACTION READ ONLY</c> and the
/// tenant as transaction-local settings (<c>SET LOCAL strata.user_id</c>, <c>strata.workspace_id</c>) — held by the
/// session until its next command and sent as that command's prefix: the context travels with the first statement, in
/// the same round trip, instead of as a command of its own. EF commands get it from
/// <see cref="Conventions.StrataRelationalCommand"/>; a raw command on the session's connection calls <see cref="ApplyTo"/>.
/// </summary>
internal sealed class TransactionPrelude
{
    private const string ReadOnlyLine = "SET TRANSACTION READ ONLY;\n";
    private const string UserIdSetting = "SET LOCAL strata.user_id = '";
    private const string WorkspaceIdSetting = "SET LOCAL strata.workspace_id = '";
    private const string SettingEnd = "';\n";

    private string? _pending;

    /// <summary>
    /// The prelude for <paramref name="tenant"/>. The ids are <see cref="Guid"/>s formatted by .NET, so the literals
    /// cannot carry anything but hex digits and dashes (<c>SET</c> takes no parameters).
    /// </summary>
    public static string For(TenantContext tenant, bool readOnly) => string.Create(CultureInfo.InvariantCulture,
        $"{(readOnly ? ReadOnlyLine : string.Empty)}{UserIdSetting}{tenant.UserId:D}{SettingEnd}{WorkspaceIdSetting}{tenant.WorkspaceId:D}{SettingEnd}");

    /// <summary>Holds <paramref name="prelude"/> for the next command (replacing one not yet sent).</summary>
    public void Queue(string prelude) => _pending = prelude;

    /// <summary>The prelude waiting for the next command, or null: what a savepoint must restore if it rolls back.</summary>
    public string? Pending => _pending;

    /// <summary>Drops a prelude not yet sent: its transaction has ended.</summary>
    public void Clear() => _pending = null;

    /// <summary>
    /// Puts back what was pending when a savepoint began, after rolling back to it: a prelude sent inside the savepoint
    /// was undone with it and must travel again with the next command; one sent before it still holds.
    /// </summary>
    public void RestoreAfterRollback(string? pendingAtSavepoint) => _pending = pendingAtSavepoint;

    /// <summary>Prefixes the pending prelude, if any, to <paramref name="command"/>, once.</summary>
    public void ApplyTo(DbCommand command)
    {
        if (_pending is { } prelude)
        {
            command.CommandText = prelude + command.CommandText;
            _pending = null;
        }
    }
}
