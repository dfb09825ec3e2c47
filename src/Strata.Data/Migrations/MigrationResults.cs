using Strata.Data.Configuration;

namespace Strata.Data.Migrations;

/// <summary>What a migrate or rollback run changed.</summary>
/// <param name="Applied">Migrations applied, in order, as (module, migration id).</param>
/// <param name="Reverted">Migrations reverted, in order.</param>
/// <param name="Scripts">Repeatable scripts applied, as <c>module/name</c>.</param>
/// <param name="Elapsed">How long the run took, lock wait included.</param>
public sealed record MigrationRun(
    IReadOnlyList<ModuleMigration> Applied, IReadOnlyList<ModuleMigration> Reverted, IReadOnlyList<string> Scripts, TimeSpan Elapsed);

/// <summary>One migration of one module.</summary>
/// <param name="Module">Module name.</param>
/// <param name="Migration">EF migration id (<c>20261123133756_Initial</c>).</param>
public sealed record ModuleMigration(string Module, string Migration);

/// <summary>Where a module's schema stands.</summary>
/// <param name="Module">Module name.</param>
/// <param name="Provider">Provider in use.</param>
/// <param name="Applied">Applied migration ids, oldest first.</param>
/// <param name="Pending">Migrations in code not applied yet, oldest first.</param>
/// <param name="LastAppliedAt">When the newest applied migration was applied by Strata (null if unknown).</param>
public sealed record ModuleStatus(string Module, DatabaseProvider Provider, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, DateTime? LastAppliedAt)
{
    /// <summary>The newest applied migration, if any.</summary>
    public string? LastApplied => Applied.Count == 0 ? null : Applied[^1];
}
