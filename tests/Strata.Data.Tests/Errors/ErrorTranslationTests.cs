using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.TestModules.Widgets;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;
using Strata.Testing;

namespace Strata.Data.Tests.Errors;

public sealed class ErrorTranslationTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_unique_violation_is_a_conflict_naming_the_field(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var name = UniqueNames.Next("Taken");
        await db.Get<WidgetCategoryRepository>().AddAsync(new WidgetCategory { Name = name });

        var error = await Assert.ThrowsAsync<ConflictError>(() => db.Session.InTransactionAsync(
            token => db.Get<WidgetCategoryRepository>().AddAsync(new WidgetCategory { Name = name.ToLowerInvariant() }, token)));

        Assert.Equal("database.unique_violation", error.Code);
        Assert.Equal("name", error.Field);
        Assert.Equal(409, error.Status);
        Assert.DoesNotContain(name, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothProviders]
    public async Task A_missing_foreign_key_target_is_a_conflict(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var error = await Assert.ThrowsAsync<ConflictError>(() => db.Session.InTransactionAsync(
            token => db.Get<WidgetRepository>().AddAsync(new Widget { Name = UniqueNames.Next("Orphan"), CategoryId = long.MaxValue }, token)));

        Assert.Equal("database.foreign_key_violation", error.Code);
    }

    [Theory, BothProviders]
    public async Task Deleting_a_referenced_row_is_a_conflict(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        await db.WidgetAsync(category: category);
        db.Get<WidgetsDbContext>().ChangeTracker.Clear();

        var error = await Assert.ThrowsAsync<ConflictError>(() => db.Session.InTransactionAsync(
            token => db.Get<WidgetCategoryRepository>().RemoveAsync(category, token)));

        Assert.Equal("database.foreign_key_violation", error.Code);
    }

    [Theory, BothProviders]
    public async Task A_not_null_violation_is_a_validation_error_naming_the_field(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var insertWithoutName = $"INSERT INTO {db.Table("widgets", "categories")} (public_id, name, normalized_name, created_at, updated_at) " +
            $"VALUES ('{Guid.NewGuid()}', NULL, 'X', '2026-01-01', '2026-01-01')";

        var error = await Assert.ThrowsAsync<ValidationError>(() => db.Session.InTransactionAsync(token =>
            db.Get<WidgetsDbContext>().Database.ExecuteSqlRawAsync(insertWithoutName, token)));

        Assert.Equal("database.required", error.Code);
        Assert.Equal(["name"], error.Errors.Keys);
    }

    [Theory, BothProviders]
    public async Task A_check_violation_is_a_validation_error_naming_the_rule(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var error = await Assert.ThrowsAsync<ValidationError>(() => db.Session.InTransactionAsync(_ => db.WidgetAsync(quantity: -1)));

        Assert.Equal("database.check_violation", error.Code);
        Assert.Equal(["ck_widgets_quantity_not_negative"], error.Errors.Keys);
    }

    [Theory, BothProviders]
    public async Task Other_database_failures_keep_their_code_and_hide_the_text(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var error = await Assert.ThrowsAsync<DatabaseError>(() => db.Session.InTransactionAsync(token =>
            db.Get<WidgetsDbContext>().Database.ExecuteSqlRawAsync("SELECT * FROM no_such_table_anywhere", token)));

        Assert.Equal("database.error", error.Code);
        Assert.Equal(500, error.Status);
        Assert.Equal(provider == DatabaseProvider.Postgres ? "42P01" : "SQLITE_1", error.SqlState);
        Assert.DoesNotContain("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_text_is_a_validation_error_without_the_value_on_postgres()
    {
        await using var db = await databases.RolledBackAsync(DatabaseProvider.Postgres);
        var name = "before\u0000secret-after";

        var error = await Assert.ThrowsAsync<ValidationError>(() => db.Session.InTransactionAsync(token =>
            db.Get<WidgetsDbContext>().Database.ExecuteSqlAsync(
                $"INSERT INTO widgets.categories (public_id, name, normalized_name, created_at, updated_at) VALUES (gen_random_uuid(), {name}, 'N', now(), now())",
                token)));

        Assert.Equal("request.invalid_text", error.Code);
        Assert.Equal(400, error.Status);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_names_the_role_for_the_operator_only_on_postgres()
    {
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Password = "not-the-password" }.ConnectionString;
        await using var db = await databases.EmptyAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:Strata"] = wrong });
        var role = new Npgsql.NpgsqlConnectionStringBuilder(wrong).Username;

        var error = await Assert.ThrowsAsync<DatabaseUnavailableError>(() => db.Session.InTransactionAsync(_ => Task.CompletedTask));

        Assert.Equal("database.authentication_failed", error.Code);
        Assert.Contains($"Authentication failed for role '{role}'", error.OperatorDetail, StringComparison.Ordinal);
        Assert.DoesNotContain(role!, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.OperatorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_is_named_for_the_operator_on_postgres()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Database = "strata_no_such_database" }.ConnectionString;
        await using var db = await databases.EmptyAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:Strata"] = missing });

        var error = await Assert.ThrowsAsync<DatabaseUnavailableError>(() => db.Session.InTransactionAsync(_ => Task.CompletedTask));

        Assert.Equal("database.unknown_database", error.Code);
        Assert.Contains("Database 'strata_no_such_database' does not exist", error.OperatorDetail, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task An_unreachable_database_is_unavailable(DatabaseProvider provider)
    {
        var settings = provider == DatabaseProvider.Postgres
            ? new Dictionary<string, string?> { ["ConnectionStrings:Strata"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2" }
            : new Dictionary<string, string?> { ["ConnectionStrings:Strata"] = "Data Source=/nonexistent-folder/strata.db;Mode=ReadWrite" };
        await using var db = await databases.EmptyAsync(provider, settings);

        var error = await Assert.ThrowsAsync<DatabaseUnavailableError>(() => db.Session.InTransactionAsync(_ => Task.CompletedTask));

        Assert.Equal(503, error.Status);
    }
}
