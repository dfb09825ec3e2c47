using System.Reflection;

namespace Strata.Api.Tests.Documentation;

/// <summary>The repository as the documentation tests read it: its root, its Markdown pages, its sources and the Strata assemblies.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding <c>Strata.slnx</c>, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>README.md and every page under docs/.</summary>
    public static IReadOnlyList<string> MarkdownPages() =>
        [Path.Combine(Root, "README.md"), .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>A page's text, by its path relative to the root (<c>docs/errors.md</c>).</summary>
    public static string ReadPage(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Every hand-written C# file under src/: build output and generated migrations left out.</summary>
    public static IReadOnlyList<string> SourceFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsGenerated(Path.GetRelativePath(Root, path).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The Strata assemblies beside the tests (the core, the modules, the hosts' libraries), loaded; test assemblies
    /// are left out, since only what ships is documented.
    /// </summary>
    public static IReadOnlyList<Assembly> StrataAssemblies() =>
        [.. Directory.EnumerateFiles(AppContext.BaseDirectory, "Strata.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => !name.EndsWith(".Tests", StringComparison.Ordinal) && !name.StartsWith("Strata.Test", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Assembly.Load(new AssemblyName(name)))];

    /// <summary>Every type of <paramref name="assembly"/> that could be loaded.</summary>
    public static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    private static bool IsGenerated(string path) =>
        path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal)
        || path.Contains("/Migrations/Postgres/", StringComparison.Ordinal) || path.Contains("/Migrations/Sqlite/", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Strata.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Strata.slnx above {AppContext.BaseDirectory}.");
    }
}
