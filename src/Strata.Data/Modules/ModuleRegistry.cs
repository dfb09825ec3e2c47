using Strata.Data.Configuration;

namespace Strata.Data.Modules;

/// <summary>
/// The composed set of modules in dependency order: a module always comes after every module it depends on,
/// and modules without an ordering constraint keep their registration order.
/// </summary>
public sealed class ModuleRegistry
{
    private readonly Dictionary<Type, IStrataModule> _byContext;

    /// <summary>Validates and orders <paramref name="modules"/>.</summary>
    /// <exception cref="ModuleRegistrationException">A name, schema or prefix is registered twice, a dependency is unknown, or dependencies form a cycle.</exception>
    public ModuleRegistry(IEnumerable<IStrataModule> modules)
    {
        var registered = modules.ToList();
        RejectDuplicates(registered);
        Modules = Order(registered);
        _byContext = Modules.ToDictionary(m => m.Contexts.Base);
    }

    /// <summary>Modules in dependency order.</summary>
    public IReadOnlyList<IStrataModule> Modules { get; }

    /// <summary>The module whose base context is <paramref name="baseContext"/>, or the one owning the provider subclass given.</summary>
    public IStrataModule ForContext(Type baseContext) =>
        _byContext.TryGetValue(baseContext, out var module)
            ? module
            : Modules.FirstOrDefault(m => m.Contexts.Postgres == baseContext || m.Contexts.Sqlite == baseContext)
              ?? throw new InvalidOperationException($"No registered module owns the context {baseContext.Name}; add its module with AddModule<…>().");

    /// <summary>The module called <paramref name="name"/>.</summary>
    public IStrataModule Get(string name) =>
        Modules.FirstOrDefault(m => m.Name == name)
        ?? throw new ModuleRegistrationException($"Module '{name}' is not registered. Registered modules: {string.Join(", ", Modules.Select(m => m.Name))}.");

    private static void RejectDuplicates(List<IStrataModule> modules)
    {
        Reject(modules, m => m.Name, "name");
        Reject(modules, m => m.Schema, "schema");
        Reject(modules, m => m.TablePrefix, "table prefix");
        Reject(modules, m => m.Contexts.Base.FullName!, "context");

        static void Reject(List<IStrataModule> modules, Func<IStrataModule, string> key, string what)
        {
            var duplicate = modules.GroupBy(key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ModuleRegistrationException(
                    $"Modules {string.Join(" and ", duplicate.Select(m => $"'{m.Name}' ({m.GetType().Name})"))} share the {what} '{duplicate.Key}'.");
            }
        }
    }

    private static List<IStrataModule> Order(List<IStrataModule> modules)
    {
        var byName = modules.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var module in modules)
        {
            var unknown = module.DependsOn.Where(d => !byName.ContainsKey(d)).ToList();
            if (unknown.Count > 0)
            {
                throw new ModuleRegistrationException(
                    $"Module '{module.Name}' depends on {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which {(unknown.Count == 1 ? "is" : "are")} not registered.");
            }
        }

        // Depth-first topological sort in registration order; the path on the stack names a cycle precisely.
        var ordered = new List<IStrataModule>(modules.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var module in modules)
        {
            Visit(module);
        }

        return ordered;

        void Visit(IStrataModule module)
        {
            if (done.Contains(module.Name))
            {
                return;
            }

            var index = path.IndexOf(module.Name);
            if (index >= 0)
            {
                throw new ModuleRegistrationException(
                    $"Module dependencies form a cycle: {string.Join(" -> ", path.Skip(index).Append(module.Name))}.");
            }

            path.Add(module.Name);
            foreach (var dependency in module.DependsOn)
            {
                Visit(byName[dependency]);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(module.Name);
            ordered.Add(module);
        }
    }
}

/// <summary>The module set cannot be composed; the message names the modules involved.</summary>
public sealed class ModuleRegistrationException(string message) : Exception(message);
