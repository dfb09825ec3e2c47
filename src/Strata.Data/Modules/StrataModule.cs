using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;

namespace Strata.Data.Modules;

/// <summary>
/// Base class for modules: defaults for the optional parts, and repeatable scripts read from embedded resources
/// named <c>{ScriptsFolder}Postgres/…sql</c> and <c>{ScriptsFolder}Sqlite/…sql</c>. The module class is public while
/// its contexts stay internal: declare them with <see cref="ModuleContexts.Create{TContext, TPostgresContext, TSqliteContext}"/>.
/// </summary>
public abstract class StrataModule : IStrataModule
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual string Schema => Name;

    /// <inheritdoc />
    public virtual string TablePrefix => Name + "_";

    /// <inheritdoc />
    public abstract ModuleContexts Contexts { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<string> DependsOn => [];

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Permissions => [];

    /// <inheritdoc />
    public virtual IReadOnlyList<string> AppendOnlyTables => [];

    /// <inheritdoc />
    public virtual IReadOnlyList<Type> Seeders => [];

    /// <summary>Folder of the embedded script resources, relative to the project (<c>Scripts/</c>).</summary>
    protected virtual string ScriptsFolder => "Scripts/";

    /// <inheritdoc />
    public IReadOnlyList<RepeatableScript> GetRepeatableScripts(DatabaseProvider provider)
    {
        var assembly = GetType().Assembly;
        var folder = $"{ScriptsFolder}{provider}/";
        return [.. assembly.GetManifestResourceNames()
            .Select(resource => (resource, path: resource.Replace('\\', '/')))
            .Where(r => r.path.StartsWith(folder, StringComparison.Ordinal) && r.path.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(r => r.path, StringComparer.Ordinal)
            .Select(r => new RepeatableScript(r.path[folder.Length..], ReadResource(assembly, r.resource)))];
    }

    /// <inheritdoc />
    public abstract void RegisterServices(IServiceCollection services, IConfiguration configuration);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script '{name}' could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
