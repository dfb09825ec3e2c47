using Strata.Data.Configuration;
using Strata.Data.Modules;
using Strata.Testing;

namespace Strata.Api.Tests.Reliability;

/// <summary>
/// Every SECURITY DEFINER function in every registered module's schema (all modules composed, PostgreSQL): none is
/// executable by PUBLIC, and each pins its search_path — so a module added later is held to the same rule.
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
