using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Conventions;

namespace Strata.Data.Modules;

/// <summary>
/// Base class for modules: binds the module to its base context and per-provider subclasses and reads its
/// repeatable scripts from embedded resources named <c>{ScriptsFolder}Postgres/…sql</c> and <c>{ScriptsFolder}Sqlite/…sql</c>.
/// </summary>
/// <typeparam name="TContext">The module's base context.</typeparam>
/// <typeparam name="TPostgresContext">The PostgreSQL subclass.</typeparam>
/// <typeparam name="TSqliteContext">The SQLite subclass.</typeparam>
public abstract class StrataModule<TContext, TPostgresContext, TSqliteContext> : IStrataModule
    where TContext : StrataDbContext
    where TPostgresContext : TContext
    where TSqliteContext : TContext
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual string Schema => Name;

    /// <inheritdoc />
    public virtual string TablePrefix => Name + "_";

    /// <inheritdoc />
    public ModuleContexts Contexts { get; } = new(typeof(TContext), typeof(TPostgresContext), typeof(TSqliteContext));

    /// <inheritdoc />
    public virtual IReadOnlyList<string> DependsOn => [];

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Permissions => [];

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
    public abstract void RegisterServices(IServiceCollection services);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script '{name}' could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
