using System.Linq.Expressions;
using System.Text.Json;
using Strata.Data.Conventions;

namespace Strata.Data.Repositories;

/// <summary>One whitelisted sort field; <c>public_id</c> breaks ties so every order is total and keyset pages are stable.</summary>
/// <typeparam name="T">Row type.</typeparam>
internal abstract class SortKey<T>
    where T : StrataEntity
{
    public abstract string Name { get; }

    public abstract IOrderedQueryable<T> Order(IQueryable<T> query, bool descending);

    public abstract IQueryable<T> After(IQueryable<T> query, JsonElement value, Guid publicId, bool descending);

    public abstract JsonElement Capture(T row);
}

/// <inheritdoc />
internal sealed class SortKey<T, TKey>(string name, Expression<Func<T, TKey>> key) : SortKey<T>
    where T : StrataEntity
{
    private static readonly Expression<Func<T, Guid>> PublicId = row => row.PublicId;
    // Compiled on first use: only a page's last row needs it, and compiling is the costly part of a key.
    private Func<T, TKey>? _read;

    public override string Name => name;

    public override IOrderedQueryable<T> Order(IQueryable<T> query, bool descending) => descending
        ? query.OrderByDescending(key).ThenByDescending(PublicId)
        : query.OrderBy(key).ThenBy(PublicId);

    public override IQueryable<T> After(IQueryable<T> query, JsonElement value, Guid publicId, bool descending)
    {
        var last = value.Deserialize<TKey>()!;
        var row = key.Parameters[0];
        var keyOfRow = key.Body;
        var idOfRow = Expression.Property(row, nameof(StrataEntity.PublicId));

        // Captured values become SQL parameters (one cached plan), never literals.
        var lastKey = Captured(last);
        var lastId = Captured(publicId);
        Expression keyLeft = descending ? lastKey : keyOfRow, keyRight = descending ? keyOfRow : lastKey;
        Expression idLeft = descending ? lastId : idOfRow, idRight = descending ? idOfRow : lastId;
        var beyond = Expression.OrElse(
            Compare(keyLeft, keyRight, ExpressionType.GreaterThan),
            Expression.AndAlso(Expression.Equal(keyOfRow, lastKey), Compare(idLeft, idRight, ExpressionType.GreaterThan)));
        // key >= last in front of the OR: the same rows, but a range PostgreSQL can start an index scan at. Without it the
        // planner reads the (key, public_id) index from its first entry and discards every row before the page: a page
        // at depth 500 000 took 1.4 s instead of 0.14 ms (docs/performance.md, P4).
        var predicate = Expression.AndAlso(Compare(keyLeft, keyRight, ExpressionType.GreaterThanOrEqual), beyond);
        return query.Where(Expression.Lambda<Func<T, bool>>(predicate, row));
    }

    public override JsonElement Capture(T row) => JsonSerializer.SerializeToElement((_read ??= key.Compile())(row));

    // left > right (or >=), spelled so EF translates it for strings and GUIDs too (which have no such operator in C#).
    private static BinaryExpression Compare(Expression left, Expression right, ExpressionType comparison)
    {
        if (left.Type == typeof(string))
        {
            var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
            return Expression.MakeBinary(comparison, Expression.Call(compare, left, right), Expression.Constant(0));
        }

        if (left.Type == typeof(Guid))
        {
            var compareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;
            return Expression.MakeBinary(comparison, Expression.Call(left, compareTo, right), Expression.Constant(0));
        }

        return Expression.MakeBinary(comparison, left, right);
    }

    private static MemberExpression Captured<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new StrongBox<TValue>(value)), nameof(StrongBox<TValue>.Value));

    private sealed class StrongBox<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
