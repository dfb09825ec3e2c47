using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data;
using Strata.Data.Configuration;
using Strata.Data.Modules;

namespace Strata.Api.Tests.Reliability;

/// <summary>A schema-qualified name in one module's PostgreSQL script that belongs to another module's schema.</summary>
/// <param name="Module">The module whose script names it.</param>
/// <param name="Script">The script's file name.</param>
/// <param name="Schema">The other module's schema.</param>
/// <param name="Name">The object's name in that schema, lower-cased as PostgreSQL folds it.</param>
/// <param name="IsCall">Whether the name is called, <c>schema.name(</c>.</param>
internal sealed record ForeignReference(string Module, string Script, string Schema, string Name, bool IsCall)
{
    public override string ToString() => $"{Module}/{Script}: {Schema}.{Name}{(IsCall ? "(" : "")}";
}

/// <summary>
/// What the registered modules' PostgreSQL repeatable scripts name in other modules' schemas, read from the embedded
/// script text (comments left out): the raw material of the module-boundary checks.
/// </summary>
internal static partial class ModuleScriptReferences
{
    /// <summary>The registered modules, as the test API composes them (no database needed).</summary>
    public static IReadOnlyList<IStrataModule> Modules()
    {
        using var services = new ServiceCollection().AddStrata(new ConfigurationBuilder().Build(), ApiTestDatabases.Modules).BuildServiceProvider();
        return services.GetRequiredService<ModuleRegistry>().Modules;
    }

    /// <summary>Every name a module's PostgreSQL scripts give in another registered module's schema.</summary>
    public static IReadOnlyList<ForeignReference> Foreign(IReadOnlyList<IStrataModule> modules)
    {
        var schemas = modules.ToDictionary(m => m.Schema, StringComparer.OrdinalIgnoreCase);
        return [.. from module in modules
                   from script in module.GetRepeatableScripts(DatabaseProvider.Postgres)
                   from Match match in QualifiedName().Matches(LineComment().Replace(script.Sql, ""))
                   let schema = match.Groups["schema"].Value
                   where schemas.ContainsKey(schema) && !schema.Equals(module.Schema, StringComparison.OrdinalIgnoreCase)
                   select new ForeignReference(module.Name, script.Name, schema.ToLowerInvariant(),
                       match.Groups["name"].Value.ToLowerInvariant(), match.Groups["call"].Success)];
    }

    /// <summary>The functions <paramref name="module"/>'s own PostgreSQL scripts create, as <c>schema.name</c>, lower-cased.</summary>
    public static IReadOnlySet<string> CreatedFunctions(IStrataModule module) =>
        module.GetRepeatableScripts(DatabaseProvider.Postgres)
            .SelectMany(script => CreateFunction().Matches(LineComment().Replace(script.Sql, "")))
            .Select(match => $"{match.Groups["schema"].Value}.{match.Groups["name"].Value}".ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    // schema.name, either part optionally double-quoted, not itself the tail of a longer qualified name.
    [GeneratedRegex(@"(?<![\w$.""])""?(?<schema>[A-Za-z_][\w$]*)""?\s*\.\s*""?(?<name>[A-Za-z_][\w$]*)""?(?<call>\s*\()?")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+""?(?<schema>[A-Za-z_][\w$]*)""?\s*\.\s*""?(?<name>[A-Za-z_][\w$]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex CreateFunction();
}
