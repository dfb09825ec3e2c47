using System.Linq.Expressions;
using Strata.Data.Conventions;
using Strata.Data.Errors;

namespace Strata.Data.Repositories;

/// <summary>
/// The sort fields a repository allows, by API name. Anything else is refused with a validation error, so a caller
/// can never order by an unindexed or private column. Sort keys must be non-null columns.
/// </summary>
/// <typeparam name="T">Row type.</typeparam>
public sealed class SortMap<T>
    where T : StrataEntity
{
    private readonly Dictionary<string, SortKey<T>> _keys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a map whose default order is <paramref name="defaultSort"/> (<c>name</c> or <c>-createdAt</c>).</summary>
    public SortMap(string defaultSort)
    {
        DefaultSort = defaultSort;
    }

    /// <summary>The order used when a request names none.</summary>
    public string DefaultSort { get; }

    /// <summary>Allows sorting by <paramref name="key"/> under the API name <paramref name="name"/>.</summary>
    public SortMap<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _keys.Add(name, new SortKey<T, TKey>(name, key));
        return this;
    }

    internal ResolvedSort<T> Resolve(string? sort)
    {
        var spec = string.IsNullOrWhiteSpace(sort) ? DefaultSort : sort.Trim();
        var descending = spec.StartsWith('-');
        var name = descending ? spec[1..] : spec;
        if (!_keys.TryGetValue(name, out var key))
        {
            throw new ValidationError("paging.invalid_sort", "sort",
                $"Sort by one of: {string.Join(", ", _keys.Keys.Order(StringComparer.Ordinal))} (prefix with '-' for descending).");
        }

        return new(key, descending, (descending ? "-" : string.Empty) + key.Name);
    }
}

/// <summary>A validated sort: the key, its direction and its canonical spelling (what cursors are bound to).</summary>
internal sealed record ResolvedSort<T>(SortKey<T> Key, bool Descending, string Spec)
    where T : StrataEntity
{
    public IOrderedQueryable<T> Apply(IQueryable<T> query) => Key.Order(query, Descending);
}
