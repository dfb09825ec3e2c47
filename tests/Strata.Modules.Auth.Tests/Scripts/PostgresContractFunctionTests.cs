using Npgsql;
using Strata.Data.Configuration;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Modules.Auth.Tests;

/// <summary>
/// Auth's published SQL contract (<c>Scripts/Postgres/010_functions.sql</c>): the functions other modules' database
/// functions call instead of reading auth's tables, called with raw SQL as the application role. PostgreSQL only:
/// SQLite has no database functions, and its modules go through <see cref="IUserDirectory"/>.
/// </summary>
public sealed class PostgresContractFunctionTests(AuthTestDatabases databases)
{
    [Fact]
    public async Task Account_is_deleted_is_false_while_the_account_is_live_and_true_once_auth_deletes_it()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var user = await db.UserAsync();
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, user: null);
        var deletedWhileLive = await AccountIsDeletedAsync(app, user);

        await db.Get<IUserAdministration>().DeleteUserAsync(Guid.NewGuid(), user);

        Assert.False(deletedWhileLive);
        Assert.True(await AccountIsDeletedAsync(app, user));
    }

    [Fact]
    public async Task Account_is_deleted_is_true_for_an_id_no_account_has()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.UserAsync();
        await using var app = await ApplicationRoleConnections.OpenAsync(databases, db, user: null);

        Assert.True(await AccountIsDeletedAsync(app, Guid.NewGuid()));
    }

    [Fact]
    public async Task Only_the_application_role_may_execute_the_contract_functions()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        const string ContractFunctions = "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'auth'";

        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) {ContractFunctions}"));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) {ContractFunctions} AND has_function_privilege('public', p.oid, 'EXECUTE')"));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) {ContractFunctions} AND NOT has_function_privilege('strata_app', p.oid, 'EXECUTE')"));
    }

    [Fact]
    public async Task The_contract_functions_pin_their_search_path()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        Assert.Equal(0, await db.ScalarAsync<long>("""
            SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'auth' AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) AS setting WHERE setting = 'search_path=""')
            """));
    }

    private static async Task<bool> AccountIsDeletedAsync(NpgsqlConnection app, Guid user) =>
        (bool)(await app.ScalarAsync($"SELECT auth.account_is_deleted('{user}')"))!;
}
