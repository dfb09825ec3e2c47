namespace Strata.Api.Tests.Reliability;

/// <summary>
/// Module boundaries in SQL (all modules composed): a module's PostgreSQL scripts name only their own schema and
/// system catalogs; in another module's schema they only call functions that module's scripts publish, and only of a
/// module they depend on. Tables are never named across modules — the boundary is the other module's contract.
/// </summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void No_module_script_names_another_modules_table_or_private_object()
    {
        var modules = ModuleScriptReferences.Modules();
        var published = modules.ToDictionary(m => m.Schema, ModuleScriptReferences.CreatedFunctions, StringComparer.OrdinalIgnoreCase);

        var offenders = ModuleScriptReferences.Foreign(modules)
            .Where(reference => !reference.IsCall || !published[reference.Schema].Contains($"{reference.Schema}.{reference.Name}"))
            .Select(reference => reference.ToString()).ToList();

        Assert.True(offenders.Count == 0,
            $"Scripts reach into another module: {string.Join(", ", offenders)}. Call a function that module publishes in its own scripts instead.");
    }

    [Fact]
    public void A_module_script_calls_only_modules_it_depends_on()
    {
        var modules = ModuleScriptReferences.Modules();
        var owners = modules.ToDictionary(m => m.Schema, m => m.Name, StringComparer.OrdinalIgnoreCase);

        var offenders = ModuleScriptReferences.Foreign(modules)
            .Where(reference => !modules.Single(m => m.Name == reference.Module).DependsOn.Contains(owners[reference.Schema]))
            .Select(reference => reference.ToString()).ToList();

        Assert.True(offenders.Count == 0, $"Scripts call a module they do not declare in DependsOn: {string.Join(", ", offenders)}.");
    }

    [Fact]
    public void The_one_cross_module_reference_in_the_scripts_is_workspaces_calling_auths_published_function()
    {
        var references = ModuleScriptReferences.Foreign(ModuleScriptReferences.Modules());

        Assert.Equal(["workspaces/010_functions.sql: auth.account_is_deleted("], references.Select(r => r.ToString()));
    }
}
