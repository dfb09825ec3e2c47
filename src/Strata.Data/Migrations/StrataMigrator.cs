using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Diagnostics;
using Strata.Data.Errors;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Migrations;

/// <summary>
/// Strata's migration engine: every module's EF migrations for the active provider, in dependency order, as the owner
/// role, outside any user transaction, under one global lock per run; repeatable scripts tracked by checksum and
/// re-applied after any migrate or rollback of their module; application-role grants at the end of each run
/// (PostgreSQL); status, verify, script and reset.
/// </summary>
public sealed class StrataMigrator(
    IServiceScopeFactory scopes,
    ModuleRegistry registry,
    DatabaseConnectionFactory connections,
    IOptions<StrataDatabaseOptions> options,
    ILogger<StrataMigrator> logger,
    IHostEnvironment? environment = null)
{
    private DatabaseProvider Provider => connections.Provider;

    /// <summary>
    /// Migrates every module to its latest migration, or one module to <paramref name="target"/> (a migration name or
    /// id; earlier than the current one reverts). A module is migrated only after the modules it depends on are at head.
    /// </summary>
    public Task<MigrationRun> MigrateAsync(string? module = null, string? target = null, CancellationToken cancellationToken = default)
    {
        if (target is not null && module is null)
        {
            throw new ValidationError("migrations.target_needs_module", "to", "A target migration needs a module (--module).");
        }

        var modules = module is null ? registry.Modules : [Find(module)];
        return RunLockedAsync(async (run, token) =>
        {
            foreach (var each in modules)
            {
                if (module is not null)
                {
                    await RequireDependenciesAtHeadAsync(run, each, token);
                }

                await MoveAsync(run, each, target, token);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Reverts <paramref name="module"/> to the applied migration <paramref name="to"/> (<c>0</c>: before the first), or by
    /// <paramref name="steps"/> migrations. Removing a module entirely is refused while modules that depend on it are migrated.
    /// </summary>
    public Task<MigrationRun> RollbackAsync(string module, string? to = null, int? steps = null, CancellationToken cancellationToken = default)
    {
        if ((to is null) == (steps is null))
        {
            throw new ValidationError("migrations.rollback_target", "to", "Roll back either to a named migration (--to) or by a number of steps (--steps).");
        }

        if (steps is < 1)
        {
            throw new ValidationError("migrations.rollback_steps", "steps", "steps must be 1 or more.");
        }

        var target = Find(module);
        return RunLockedAsync(async (run, token) =>
        {
            var context = run.Contexts.For(target);
            var applied = (await context.Database.GetAppliedMigrationsAsync(token)).ToList();
            string destination;
            if (to == Migration.InitialDatabase)
            {
                destination = Migration.InitialDatabase;
            }
            else if (to is not null)
            {
                var id = context.GetService<IMigrationsAssembly>().FindMigrationId(to);
                destination = id is not null && applied.Contains(id)
                    ? id
                    : throw new ValidationError("migrations.unknown_target", "to", $"Module '{module}' has no applied migration '{to}'.");
            }
            else
            {
                destination = steps!.Value > applied.Count
                    ? throw new ValidationError("migrations.rollback_steps", "steps", $"Module '{module}' has only {applied.Count} applied migration(s).")
                    : steps.Value == applied.Count ? Migration.InitialDatabase : applied[applied.Count - steps.Value - 1];
            }

            if (destination == Migration.InitialDatabase)
            {
                await RequireNoMigratedDependantsAsync(run, target, token);
            }

            await MoveAsync(run, target, destination, token);
        }, cancellationToken);
    }

    /// <summary>
    /// Applied and pending migrations of every module. When no run holds the migration lock, the log is first
    /// reconciled with the history, so the times shown are never those of a stale log.
    /// </summary>
    public async Task<IReadOnlyList<ModuleStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var contexts = OwnerContexts(scope);
        var bookkeeping = new MigrationBookkeeping(contexts.Connection, Provider);
        var logged = await bookkeeping.ExistsAsync(cancellationToken);
        if (logged)
        {
            await ReconcileLogIfNoRunIsActiveAsync(contexts, bookkeeping, cancellationToken);
        }

        var statuses = new List<ModuleStatus>();
        foreach (var module in registry.Modules)
        {
            var database = contexts.For(module).Database;
            var applied = (await database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var at = logged && applied.Count > 0 ? await bookkeeping.LastAppliedAtAsync(module.Name, applied[^1], cancellationToken) : null;
            statuses.Add(new ModuleStatus(module.Name, Provider, applied, pending, at));
        }

        return statuses;
    }

    /// <summary>Migrations defined in code but not applied, per module name.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPendingMigrationsAsync(CancellationToken cancellationToken = default) =>
        (await GetStatusAsync(cancellationToken)).ToDictionary(s => s.Module, s => s.Pending);

    /// <summary>
    /// Everything that makes the database differ from the code, one finding per line: model changes no migration covers
    /// (either provider), pending migrations, applied migrations missing from the code, a migration log that disagrees
    /// with the history, repeatable scripts changed but not applied, and live-schema drift (tables, columns, types,
    /// nullability, indexes). Empty when all is in order. Verify only reads: it reports a log mismatch, the next
    /// migrate, rollback or status reconciles it.
    /// </summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = OwnerSession(scope);
        await SqlCommands.EnsureOpenAsync(session.Connection, cancellationToken);
        var bookkeeping = new MigrationBookkeeping(session.Connection, Provider);
        var logged = await bookkeeping.ExistsAsync(cancellationToken);
        var findings = new List<string>();
        foreach (var module in registry.Modules)
        {
            var context = session.GetContext(module.Contexts.Base);
            foreach (var provider in Enum.GetValues<DatabaseProvider>())
            {
                if (HasPendingModelChanges(module, provider, context))
                {
                    findings.Add($"{module.Name}: the {provider} model has changes no migration covers; run 'strata db add-migration {module.Name} <Name>'");
                }
            }

            var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            findings.AddRange(applied.Where(id => !known.Contains(id))
                .Select(id => $"{module.Name}: migration {id} is applied but missing from the code"));
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            findings.AddRange(pending.Select(id => $"{module.Name}: migration {id} is pending"));
            if (logged)
            {
                findings.AddRange(MigrationBookkeeping.Mismatches(module.Name, applied, await bookkeeping.LastActionsAsync(module.Name, cancellationToken))
                    .Select(DescribeLogMismatch));
            }

            var checksums = logged ? await bookkeeping.ScriptChecksumsAsync(module.Name, cancellationToken) : [];
            findings.AddRange(module.GetRepeatableScripts(Provider)
                .Where(script => !checksums.TryGetValue(script.Name, out var applied) || applied != MigrationBookkeeping.Checksum(script.Sql))
                .Select(script => $"{module.Name}: repeatable script {script.Name} has changed and is not applied"));

            // The live schema is compared only at head: with migrations pending, a difference is expected.
            if (pending.Count == 0)
            {
                findings.AddRange(await SchemaDriftDetector.FindDriftAsync(context, module, Provider, session.Connection, cancellationToken));
            }
        }

        return findings;
    }

    /// <summary>
    /// SQL for reviewing or linting <paramref name="module"/>'s migrations from <paramref name="from"/> (exclusive) to
    /// <paramref name="to"/>; <paramref name="idempotent"/> guards each migration by the history table (PostgreSQL only).
    /// </summary>
    public async Task<string> ScriptAsync(string module, string? from = null, string? to = null, bool idempotent = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var target = Find(module);
        if (idempotent && Provider == DatabaseProvider.Sqlite)
        {
            throw new ValidationError("migrations.idempotent_unsupported", "idempotent", "SQLite cannot run idempotent scripts (it has no procedural blocks); use a plain script.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = OwnerSession(scope).GetContext(target.Contexts.Base);
        var migrations = context.GetService<IMigrationsAssembly>();
        string? Resolve(string? name, string field) => name is null or Migration.InitialDatabase
            ? name
            : migrations.FindMigrationId(name) ?? throw new ValidationError("migrations.unknown_target", field, $"Module '{module}' has no migration '{name}'.");
        var script = context.GetService<IMigrator>().GenerateScript(
            Resolve(from, "from"), Resolve(to, "to"), idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);
        return script;
    }

    /// <summary>Drops everything Strata created and migrates again from empty. Refused in Production.</summary>
    public Task<MigrationRun> ResetAsync(CancellationToken cancellationToken = default)
    {
        if (environment?.IsProduction() == true)
        {
            throw new ForbiddenError("migrations.reset_refused", "reset drops every module's data and is refused in Production.");
        }

        return RunLockedAsync(async (run, token) =>
        {
            await DropEverythingAsync(run.Contexts.Connection, token);
            await run.Bookkeeping.EnsureCreatedAsync(token);
            foreach (var module in registry.Modules)
            {
                await MoveAsync(run, module, target: null, token);
            }
        }, cancellationToken);
    }

    private async Task<MigrationRun> RunLockedAsync(Func<RunState, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        await using var contexts = OwnerContexts(scope);
        var connection = contexts.Connection;
        await SqlCommands.EnsureOpenAsync(connection, cancellationToken);
        var settings = options.Value;
        var role = await RequireMigratingRoleAsync(connection, cancellationToken);
        await using (await MigrationLock.AcquireAsync(
            connections, settings, connection, TimeSpan.FromSeconds(settings.MigrationLockTimeoutSeconds), logger, cancellationToken))
        {
            MigrationKillSwitch.Reach(MigrationKillSwitch.LockAcquired);
            var run = new RunState(contexts, new MigrationBookkeeping(connection, Provider));
            try
            {
                await run.Bookkeeping.EnsureCreatedAsync(cancellationToken);
                await ReconcileLogAsync(contexts, run.Bookkeeping, cancellationToken);
                await work(run, cancellationToken);
                await DatabaseGrants.GrantApplicationRoleAsync(connection, settings, registry, run.Bookkeeping, logger, cancellationToken);
            }
            catch (Exception ex) when (ex is not StrataError && DatabaseErrorTranslator.IsInsufficientPrivilege(ex))
            {
                throw RoleMayNotMigrate(role, "the database refused one of the run's statements (SQLSTATE 42501, insufficient privilege)", ex);
            }

            return new MigrationRun(run.Applied, run.Reverted, run.Scripts, stopwatch.Elapsed);
        }
    }

    // PostgreSQL: a role that does not own the module schemas (the application role, typically) fails somewhere in
    // the middle of a run; say so before anything is touched.
    private async Task<string?> RequireMigratingRoleAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            return null;
        }

        var schemas = registry.Modules.Select(m => m.Schema).Append("strata").ToArray();
        var facts = (await SqlCommands.RowsAsync(connection, """
            SELECT current_user, current_database(),
                   coalesce((SELECT string_agg(format('%s (owned by %s)', n.nspname, pg_get_userbyid(n.nspowner)), ', ' ORDER BY n.nspname)
                             FROM pg_namespace n WHERE n.nspname = ANY (@schemas) AND NOT pg_has_role(current_user, n.nspowner, 'USAGE')), ''),
                   (SELECT count(*) FROM pg_namespace n WHERE n.nspname = ANY (@schemas)) < cardinality(@schemas)
                       AND NOT has_database_privilege(current_database(), 'CREATE')
            """, cancellationToken, ("schemas", schemas)))[0];
        if (facts[2].Length > 0)
        {
            throw RoleMayNotMigrate(facts[0], $"it does not own schema(s) {facts[2]}");
        }

        if (facts[3] == bool.TrueString)
        {
            throw RoleMayNotMigrate(facts[0], $"it may not create schemas in database '{facts[1]}'");
        }

        return facts[0];
    }

    private static ForbiddenError RoleMayNotMigrate(string? role, string reason, Exception? innerException = null) =>
        new("migrations.role_not_owner",
            $"Role '{role}' may not run migrations: {reason}. Migrate as the role that owns the schemas (ConnectionStrings:StrataMigrations, or --migrations-connection).",
            innerException);

    // EF's history commits with each migration; Strata's log row follows it. A run stopped in between leaves the log
    // short (or calling a reverted migration applied): record what the history says, timed now, the first moment known.
    private async Task ReconcileLogAsync(MigrationContexts contexts, MigrationBookkeeping bookkeeping, CancellationToken cancellationToken)
    {
        foreach (var module in registry.Modules)
        {
            var history = (await contexts.For(module).Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            foreach (var missing in MigrationBookkeeping.Mismatches(module.Name, history, await bookkeeping.LastActionsAsync(module.Name, cancellationToken)))
            {
                await bookkeeping.LogAsync(missing.Module, missing.Migration, missing.Action, cancellationToken);
                logger.LogWarning("Reconciled the migration log with {Module}'s history: {Migration} recorded as {Action} (an earlier run stopped before logging it).",
                    missing.Module, missing.Migration, missing.Action);
            }
        }
    }

    // Status reconciles only when it can take the lock at once: a run in progress logs its own migrations.
    private async Task ReconcileLogIfNoRunIsActiveAsync(MigrationContexts contexts, MigrationBookkeeping bookkeeping, CancellationToken cancellationToken)
    {
        await using var held = await MigrationLock.TryAcquireAsync(connections, options.Value, contexts.Connection, cancellationToken);
        if (held is null)
        {
            return;
        }

        try
        {
            await ReconcileLogAsync(contexts, bookkeeping, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrorTranslator.IsInsufficientPrivilege(ex))
        {
            logger.LogWarning("The migration log disagrees with the history and this role may not correct it; run 'strata db status' or 'migrate' as the owner.");
        }
    }

    private static string DescribeLogMismatch(ModuleMigrationAction missing) => missing.Action == MigrationBookkeeping.Applied
        ? $"{missing.Module}: migration {missing.Migration} is in the history but the migration log does not record it as applied"
        : $"{missing.Module}: the migration log records migration {missing.Migration} as applied but the history does not have it";

    private async Task MoveAsync(RunState run, IStrataModule module, string? target, CancellationToken cancellationToken)
    {
        var context = run.Contexts.For(module);
        var before = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var steps = Steps(module, context, before, target);
        var viewsDropped = steps.Count > 0 && await DropSqliteViewsAsync(run.Contexts, module, cancellationToken);
        var after = before;
        foreach (var step in steps)
        {
            var previous = after;
            try
            {
                await context.GetService<IMigrator>().MigrateAsync(step.Target, cancellationToken);
            }
            catch (Exception ex) when (DatabaseErrorTranslator.Translate(ex) is TransientDatabaseError { Code: DatabaseErrorTranslator.LockTimeoutCode } timeout)
            {
                timeout.OperatorDetail = LockTimeoutDuring(module, context, step) ?? timeout.OperatorDetail;
                throw timeout;
            }

            MigrationKillSwitch.Reach(MigrationKillSwitch.MigrationCommitted);
            after = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            foreach (var id in previous.Except(after).Reverse())
            {
                run.Reverted.Add(new(module.Name, id));
                await run.Bookkeeping.LogAsync(module.Name, id, MigrationBookkeeping.Reverted, cancellationToken);
                MigrationKillSwitch.Reach(MigrationKillSwitch.MigrationLogged);
            }

            foreach (var id in after.Except(previous))
            {
                run.Applied.Add(new(module.Name, id));
                await run.Bookkeeping.LogAsync(module.Name, id, MigrationBookkeeping.Applied, cancellationToken);
                MigrationKillSwitch.Reach(MigrationKillSwitch.MigrationLogged);
            }
        }

        var moved = !before.SequenceEqual(after) || viewsDropped;
        if (after.Count == 0)
        {
            // The module's tables are gone; its scripts would refer to nothing.
            await run.Bookkeeping.ForgetScriptsAsync(module.Name, cancellationToken);
        }
        else
        {
            await ApplyScriptsAsync(run, module, force: moved, cancellationToken);
        }

        logger.LogInformation("Module {Module} on {Provider}: {Applied} applied, {Reverted} reverted, at {Head}.",
            module.Name, Provider, after.Except(before).Count(), before.Except(after).Count(), after.LastOrDefault() ?? "no migration");
    }

    // The EF calls that take the module from its applied migrations to the target, one migration per call, so each
    // is logged right after EF commits it. With a gap in the history (a migration applied out of order, or one the code
    // no longer has) a single call to the target, as EF alone would do it.
    private static List<MigrationStep> Steps(IStrataModule module, DbContext context, List<string> applied, string? target)
    {
        var all = context.Database.GetMigrations().ToList();
        var goal = target switch
        {
            null => all.Count - 1,
            Migration.InitialDatabase => -1,
            _ => all.IndexOf(context.GetService<IMigrationsAssembly>().FindMigrationId(target)
                ?? throw new ValidationError("migrations.unknown_target", "to", $"Module '{module.Name}' has no migration '{target}'.")),
        };
        if (!applied.SequenceEqual(all.Take(applied.Count), StringComparer.Ordinal))
        {
            return [new MigrationStep(target, Migration: null, Up: false)];
        }

        var steps = new List<MigrationStep>();
        for (var next = applied.Count; next <= goal; next++)
        {
            steps.Add(new MigrationStep(all[next], all[next], Up: true));
        }

        for (var newest = applied.Count - 1; newest > goal; newest--)
        {
            steps.Add(new MigrationStep(newest == 0 ? Migration.InitialDatabase : all[newest - 1], all[newest], Up: false));
        }

        return steps;
    }

    // PostgreSQL reports a lock timeout without the table; the migration being applied or reverted names the tables it
    // changes. Null when the step is not one migration (a history with a gap).
    private static string? LockTimeoutDuring(IStrataModule module, DbContext context, MigrationStep step)
    {
        var migrations = context.GetService<IMigrationsAssembly>();
        if (step.Migration is null || !migrations.Migrations.TryGetValue(step.Migration, out var type))
        {
            return null;
        }

        var migration = migrations.CreateMigration(type, context.Database.ProviderName!);
        var tables = (step.Up ? migration.UpOperations : migration.DownOperations).OfType<ITableMigrationOperation>()
            .Select(o => o.Schema is null ? o.Table : $"{o.Schema}.{o.Table}").Distinct(StringComparer.Ordinal).ToList();
        return DatabaseErrorTranslator.LockTimeoutDetail(tables.Count == 0 ? null : string.Join(", ", tables),
            $"{(step.Up ? "applying" : "reverting")} {module.Name} migration {step.Migration}");
    }

    // SQLite rebuilds a table to alter it, and its final RENAME fails while a view still names the old table. A
    // module's views are repeatable-script objects (named with the module's prefix): drop them, the scripts re-create them.
    private static async Task<bool> DropSqliteViewsAsync(MigrationContexts contexts, IStrataModule module, CancellationToken cancellationToken)
    {
        if (contexts.Provider != DatabaseProvider.Sqlite)
        {
            return false;
        }

        var views = await SqlCommands.RowsAsync(contexts.Connection,
            "SELECT name FROM sqlite_master WHERE type = 'view' AND substr(name, 1, length(@prefix)) = @prefix", cancellationToken, ("prefix", module.TablePrefix));
        foreach (var view in views)
        {
            await SqlCommands.ExecuteAsync(contexts.Connection, $"DROP VIEW IF EXISTS {SqlCommands.Quote(view[0])}", cancellationToken);
        }

        return views.Count > 0;
    }

    // After a migrate or rollback of the module every script runs again (a rollback may have dropped what they made);
    // otherwise only scripts whose text changed.
    private static async Task ApplyScriptsAsync(RunState run, IStrataModule module, bool force, CancellationToken cancellationToken)
    {
        var applied = await run.Bookkeeping.ScriptChecksumsAsync(module.Name, cancellationToken);
        foreach (var script in module.GetRepeatableScripts(run.Contexts.Provider))
        {
            var checksum = MigrationBookkeeping.Checksum(script.Sql);
            if (!force && applied.TryGetValue(script.Name, out var known) && known == checksum)
            {
                continue;
            }

            // Run on the raw connection, not ExecuteSqlRaw: script text may hold braces, which ExecuteSqlRaw reads as
            // format placeholders. Npgsql splits statements and dollar-quoted bodies itself.
            await SqlCommands.ExecuteAsync(run.Contexts.Connection, script.Sql, cancellationToken);
            await run.Bookkeeping.RecordScriptAsync(module.Name, script.Name, checksum, cancellationToken);
            run.Scripts.Add($"{module.Name}/{script.Name}");
        }
    }

    private async Task RequireDependenciesAtHeadAsync(RunState run, IStrataModule module, CancellationToken cancellationToken)
    {
        foreach (var dependency in module.DependsOn.Select(registry.Get))
        {
            var pending = await run.Contexts.For(dependency).Database.GetPendingMigrationsAsync(cancellationToken);
            if (pending.Any())
            {
                throw new ConflictError("migrations.dependency_pending",
                    $"Module '{module.Name}' depends on '{dependency.Name}', which has pending migrations; migrate it first.");
            }
        }
    }

    private async Task RequireNoMigratedDependantsAsync(RunState run, IStrataModule module, CancellationToken cancellationToken)
    {
        var migrated = new List<string>();
        foreach (var dependant in registry.Modules.Where(m => m.DependsOn.Contains(module.Name)))
        {
            if ((await run.Contexts.For(dependant).Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            {
                migrated.Add(dependant.Name);
            }
        }

        if (migrated.Count > 0)
        {
            throw new ConflictError("migrations.dependants_migrated",
                $"Module '{module.Name}' cannot be rolled back entirely while {string.Join(", ", migrated.Select(d => $"'{d}'"))} depend(s) on it and are migrated.");
        }
    }

    private bool HasPendingModelChanges(IStrataModule module, DatabaseProvider provider, StrataDbContext active)
    {
        if (provider == Provider)
        {
            return active.Database.HasPendingModelChanges();
        }

        // The other provider's context needs no database to compare its model with its migrations' snapshot.
        var builder = new DbContextOptionsBuilder();
        StrataContextOptions.Configure(builder, provider, module, options.Value.CommandTimeoutSeconds,
            provider == DatabaseProvider.Postgres ? "Host=localhost" : "Data Source=:memory:");
        using var context = (StrataDbContext)Activator.CreateInstance(module.Contexts.For(provider), builder.Options)!;
        return context.Database.HasPendingModelChanges();
    }

    private async Task DropEverythingAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            foreach (var module in registry.Modules.Reverse())
            {
                await SqlCommands.ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {SqlCommands.Quote(module.Schema)} CASCADE", cancellationToken);
            }

            await SqlCommands.ExecuteAsync(connection, "DROP SCHEMA IF EXISTS strata CASCADE", cancellationToken);
            return;
        }

        var prefixes = registry.Modules.Select(m => m.TablePrefix).Append("strata_").ToList();
        var objects = (await SqlCommands.RowsAsync(connection,
                "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY type DESC", cancellationToken))
            .Where(o => prefixes.Any(p => o[1].StartsWith(p, StringComparison.Ordinal)) || o[1] == "__EFMigrationsLock");
        await SqlCommands.ExecuteAsync(connection, "PRAGMA foreign_keys = OFF", cancellationToken);
        foreach (var o in objects)
        {
            await SqlCommands.ExecuteAsync(connection, $"DROP {o[0].ToUpperInvariant()} IF EXISTS {SqlCommands.Quote(o[1])}", cancellationToken);
        }

        await SqlCommands.ExecuteAsync(connection, "PRAGMA foreign_keys = ON", cancellationToken);
    }

    private IStrataModule Find(string module) =>
        registry.Modules.FirstOrDefault(m => m.Name == module)
        ?? throw new NotFoundError("migrations.unknown_module",
            $"No module is called '{module}'. Modules: {string.Join(", ", registry.Modules.Select(m => m.Name))}.");

    private static DatabaseSession OwnerSession(AsyncServiceScope scope)
    {
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        session.UseOwnerRole();
        return session;
    }

    // Migrating, reverting and listing need no module model: the lightweight contexts, on an owner connection.
    private MigrationContexts OwnerContexts(AsyncServiceScope scope) => new(
        connections.Create(DatabaseRole.Owner), Provider, options.Value.CommandTimeoutSeconds,
        scope.ServiceProvider.GetRequiredService<CommandDiagnostics>());

    /// <summary>One EF call: its <paramref name="Target"/>, and the one migration it applies (<paramref name="Up"/>) or reverts, if it is one.</summary>
    private sealed record MigrationStep(string? Target, string? Migration, bool Up);

    private sealed record RunState(MigrationContexts Contexts, MigrationBookkeeping Bookkeeping)
    {
        public List<ModuleMigration> Applied { get; } = [];

        public List<ModuleMigration> Reverted { get; } = [];

        public List<string> Scripts { get; } = [];
    }
}
