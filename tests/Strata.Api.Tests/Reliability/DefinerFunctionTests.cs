using Strata.Data.Configuration;
using Strata.Data.Modules;
using Strata.Testing;

namespace Strata.Api.Tests.Reliability;

/// <summary>
/// Every SECURITY DEFINER function in every registered module's schema (all modules composed, PostgreSQL): none is
/// executable by PUBLIC, and each pins its search_path — so a module added later is held to the same rule; and every
/// function one module's scripts call in another's schema (a published contract such as auth.account_is_deleted) is
/// closed to PUBLIC and open to the application role.
/// </summary>
public sealed class DefinerFunctionTests(ApiTestDatabases databases)
{
    [Fact]
    public async Task No_definer_function_in_a_module_schema_is_executable_by_public()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        var offenders = await DefinerFunctionsAsync(db, "has_function_privilege('public', p.oid, 'EXECUTE')");

        Assert.True(offenders.Length == 0, $"PUBLIC may execute: {string.Join(", ", offenders)}. Add REVOKE EXECUTE … FROM PUBLIC and grant the application role only what it calls.");
    }

    [Fact]
    public async Task Every_definer_function_in_a_module_schema_pins_its_search_path()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        var offenders = await DefinerFunctionsAsync(db, "NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) AS setting WHERE setting LIKE 'search\\_path=%')");

        Assert.True(offenders.Length == 0, $"No search_path setting: {string.Join(", ", offenders)}. Add SET search_path = '' and name objects by schema.");
    }

    [Fact]
    public async Task The_module_schemas_hold_definer_functions_for_these_checks_to_find()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);

        Assert.NotEmpty(await DefinerFunctionsAsync(db, "true"));
    }

    // Not every function: an invoker function lends PUBLIC nothing it could not read itself (current_user_id,
    // role_rank, a test module's helpers stay open). A function another module's scripts call is a contract, though,
    // and called from a definer function it runs as the owner: it is closed the same way.
    [Fact]
    public async Task Every_function_another_modules_scripts_call_is_executable_by_the_application_role_and_not_by_public()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var called = ModuleScriptReferences.Foreign(ModuleScriptReferences.Modules()).Where(r => r.IsCall)
            .Select(r => $"{r.Schema}.{r.Name}").Distinct().Order(StringComparer.Ordinal).ToList();

        var privileges = await db.ScalarAsync<string>($"""
            SELECT coalesce(string_agg(f.name || ' public=' || f.for_public || ' strata_app=' || f.app, '|' ORDER BY f.name COLLATE "C"), '')
            FROM (SELECT n.nspname || '.' || p.proname AS name, has_function_privilege('public', p.oid, 'EXECUTE') AS for_public,
                         has_function_privilege('strata_app', p.oid, 'EXECUTE') AS app
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace) f
            WHERE f.name IN ({string.Join(", ", called.Select(name => $"'{name}'"))})
            """);

        Assert.Contains("auth.account_is_deleted", called);
        Assert.Equal(called.Select(name => $"{name} public=false strata_app=true"), privileges.Split('|', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The signatures of the definer functions in the registered modules' schemas that match <paramref name="condition"/>.</summary>
    private static async Task<string[]> DefinerFunctionsAsync(TestDatabase db, string condition)
    {
        var schemas = string.Join(", ", db.Get<ModuleRegistry>().Modules.Select(m => $"'{m.Schema}'"));
        var found = await db.ScalarAsync<string>($"""
            SELECT coalesce(string_agg(p.oid::regprocedure::text, '|' ORDER BY p.oid::regprocedure::text), '')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ({schemas}) AND p.prosecdef AND {condition}
            """);
        return found.Split('|', StringSplitOptions.RemoveEmptyEntries);
    }
}
