using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Errors;

namespace Strata.Data.Repositories;

/// <summary>
/// Data access for one table: lookups by public id (one command for any number of ids), counts, filtered lists,
/// offset and keyset paging over whitelisted sorts, escaped case-insensitive search, and writes including soft
/// delete and restore. Reads are no-tracking. Module repositories derive from it, stay <c>internal</c>, and declare
/// their <see cref="Sorts"/> and <see cref="SearchFields"/>.
/// </summary>
/// <typeparam name="TEntity">The row type.</typeparam>
public abstract class Repository<TEntity>
    where TEntity : StrataEntity
{
    // Sort maps are built once per row type, not per repository: a repository is made for every request that uses it.
    private static readonly SortMap<TEntity> ByCreatedAt = new SortMap<TEntity>("-createdAt").Add("createdAt", row => row.CreatedAt);

    private const string LikeEscape = "\\";

    // The hottest lookup, compiled once per row type and model: a compiled query is bound to the model it was
    // compiled against, and each provider has its own context type (a process normally runs one; tests run both).
    private static readonly ConditionalWeakTable<IModel, Func<StrataDbContext, Guid, CancellationToken, Task<TEntity?>>> FindByPublicIdQueries = new();

    private readonly PagingCursorCodec _cursors;
    private readonly TimeProvider _clock;

    /// <summary>Creates a repository over the scope's module context.</summary>
    /// <param name="context">The scope's module context.</param>
    /// <param name="cursors">Encodes and checks the cursors of <see cref="KeysetPageAsync"/>.</param>
    /// <param name="clock">Stamps <see cref="SoftDeleteAsync"/>.</param>
    protected Repository(StrataDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cursors);
        ArgumentNullException.ThrowIfNull(clock);
        Context = context;
        _cursors = cursors;
        _clock = clock;
    }

    /// <summary>The module context (shares the scope's connection and transaction).</summary>
    protected StrataDbContext Context { get; }

    /// <summary>The table, tracked: for loading rows to change.</summary>
    protected DbSet<TEntity> Set => Context.Set<TEntity>();

    /// <summary>The table for reads: no tracking.</summary>
    protected IQueryable<TEntity> Query => Set.AsNoTracking();

    /// <summary>Sort fields callers may ask for; by default newest first.</summary>
    protected virtual SortMap<TEntity> Sorts => ByCreatedAt;

    /// <summary>Text columns searched by <c>?search=</c>.</summary>
    protected virtual IReadOnlyList<Expression<Func<TEntity, string>>> SearchFields => [];

    /// <summary>Resource name used in not-found messages and codes (<c>widget.not_found</c>).</summary>
    protected virtual string ResourceName => SnakeCase.From(typeof(TEntity).Name);

    /// <summary>
    /// Code of the <see cref="NotFoundError"/> for an unknown public id: <c>{ResourceName}.not_found</c> unless the module
    /// names it in its own area (<c>workspaces.not_found</c>), as docs/errors.md lists.
    /// </summary>
    protected virtual string NotFoundCode => $"{ResourceName}.not_found";

    /// <summary>The error of a lookup by <paramref name="publicId"/> that found no row: <see cref="NotFoundCode"/>, 404.</summary>
    protected NotFoundError NotFound(Guid publicId) => NotFoundError.For(ResourceName, publicId, NotFoundCode);

    /// <summary>The row with <paramref name="publicId"/>, or null.</summary>
    public Task<TEntity?> FindByPublicIdAsync(Guid publicId, CancellationToken cancellationToken = default) =>
        FindByPublicIdQueries.GetValue(Context.Model, _ => CompileFindByPublicId())(Context, publicId, cancellationToken);

    /// <summary>
    /// The public id of the row with internal id <paramref name="id"/>, soft-deleted or not: what a DTO of a row that
    /// references this one shows.
    /// </summary>
    public Task<Guid> GetPublicIdAsync(long id, CancellationToken cancellationToken = default) =>
        Set.IgnoreQueryFilters([StrataQueryFilters.SoftDelete]).AsNoTracking().Where(row => row.Id == id).Select(row => row.PublicId).FirstAsync(cancellationToken);

    /// <summary>The row with <paramref name="publicId"/>; a <see cref="NotFoundError"/> when there is none.</summary>
    public async Task<TEntity> GetByPublicIdAsync(Guid publicId, CancellationToken cancellationToken = default) =>
        await FindByPublicIdAsync(publicId, cancellationToken) ?? throw NotFound(publicId);

    /// <summary>
    /// The row with <paramref name="publicId"/>, tracked, so changes to it are saved with the unit of work; a versioned
    /// row (<see cref="IVersioned"/>) is checked at save against the version it was read with, and a concurrent change
    /// is a <c>database.concurrency_conflict</c>. It takes no row lock. A <see cref="NotFoundError"/> when there is none.
    /// </summary>
    public async Task<TEntity> GetTrackedAsync(Guid publicId, CancellationToken cancellationToken = default) =>
        await FindTrackedAsync(publicId, cancellationToken) ?? throw NotFound(publicId);

    /// <summary>The row with <paramref name="publicId"/>, tracked (as <see cref="GetTrackedAsync"/>), or null.</summary>
    public Task<TEntity?> FindTrackedAsync(Guid publicId, CancellationToken cancellationToken = default) =>
        Set.FirstOrDefaultAsync(row => row.PublicId == publicId, cancellationToken);

    /// <summary>
    /// The rows with these public ids in one command (<c>= ANY (@ids)</c> on PostgreSQL, <c>IN (…)</c> on SQLite);
    /// unknown ids are skipped. Order follows <paramref name="publicIds"/>.
    /// </summary>
    public async Task<IReadOnlyList<TEntity>> FindManyByPublicIdsAsync(IReadOnlyCollection<Guid> publicIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicIds);
        if (publicIds.Count == 0)
        {
            return [];
        }

        var ids = publicIds.Distinct().ToArray();
        var rows = await Query.Where(row => ids.Contains(row.PublicId)).ToDictionaryAsync(row => row.PublicId, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>Whether any row matches.</summary>
    public Task<bool> ExistsAsync(Expression<Func<TEntity, bool>> filter, CancellationToken cancellationToken = default) =>
        Query.AnyAsync(filter, cancellationToken);

    /// <summary>How many rows match (all when <paramref name="filter"/> is null).</summary>
    public Task<int> CountAsync(Expression<Func<TEntity, bool>>? filter = null, CancellationToken cancellationToken = default) =>
        Filtered(filter, search: null).CountAsync(cancellationToken);

    /// <summary>Matching rows in a whitelisted order, at most <paramref name="limit"/> (≤ <see cref="PageRequest.MaxPageSize"/>).</summary>
    public async Task<IReadOnlyList<TEntity>> ListAsync(
        Expression<Func<TEntity, bool>>? filter = null, string? sort = null, int limit = PageRequest.MaxPageSize, CancellationToken cancellationToken = default)
    {
        CheckSize(limit, "limit");
        return await Sorts.Resolve(sort).Apply(Filtered(filter, search: null)).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>An offset page with the total count (two commands).</summary>
    public async Task<OffsetPage<TEntity>> PageAsync(
        PageRequest request, Expression<Func<TEntity, bool>>? filter = null, string? search = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Page < 1)
        {
            throw new ValidationError("paging.invalid_page", "page", "page must be 1 or more.");
        }

        CheckSize(request.PageSize, "pageSize");
        var sort = Sorts.Resolve(request.Sort);
        var query = Filtered(filter, search);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await sort.Apply(query).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
        return new(items, request.Page, request.PageSize, total);
    }

    /// <summary>
    /// A keyset page: rows after the cursor's (sort key, public id), so pages stay stable while rows are inserted
    /// elsewhere, and a page costs the same at any depth.
    /// </summary>
    public async Task<KeysetPage<TEntity>> KeysetPageAsync(
        KeysetRequest request, Expression<Func<TEntity, bool>>? filter = null, string? search = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckSize(request.Limit, "limit");
        var sort = Sorts.Resolve(request.Sort);
        var query = Filtered(filter, search);
        if (request.Cursor is not null)
        {
            var cursor = _cursors.Decode(request.Cursor, sort.Spec);
            query = sort.Key.After(query, cursor.Key, cursor.PublicId, sort.Descending);
        }

        var rows = await sort.Apply(query).Take(request.Limit + 1).ToListAsync(cancellationToken);
        if (rows.Count <= request.Limit)
        {
            return new(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return new(rows, _cursors.Encode(new KeysetCursor(sort.Spec, sort.Key.Capture(last), last.PublicId)));
    }

    /// <summary>
    /// The cursor of a keyset the repository orders itself, over a key computed in SQL that no sort field of
    /// <see cref="Sorts"/> can express (a search rank): opaque and tamper-proof like <see cref="KeysetPageAsync"/>'s,
    /// bound to <paramref name="sort"/>.
    /// </summary>
    protected string EncodeCursor<TKey>(string sort, TKey key, Guid publicId) =>
        _cursors.Encode(new KeysetCursor(sort, System.Text.Json.JsonSerializer.SerializeToElement(key), publicId));

    /// <summary>The key and public id of a cursor made by <see cref="EncodeCursor"/> for <paramref name="sort"/>; a 400 otherwise.</summary>
    protected (TKey Key, Guid PublicId) DecodeCursor<TKey>(string cursor, string sort)
    {
        var decoded = _cursors.Decode(cursor, sort);
        try
        {
            return (System.Text.Json.JsonSerializer.Deserialize<TKey>(decoded.Key)!, decoded.PublicId);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new ValidationError("paging.invalid_cursor", "cursor", "The cursor is not valid; request the first page again without a cursor.");
        }
    }

    /// <summary>Inserts <paramref name="row"/> and saves it.</summary>
    public async Task<TEntity> AddAsync(TEntity row, CancellationToken cancellationToken = default)
    {
        Set.Add(row);
        await SaveAsync(cancellationToken);
        return row;
    }

    /// <summary>Saves changes to <paramref name="row"/>; a detached row is written whole, checked against the version it was read with.</summary>
    public async Task UpdateAsync(TEntity row, CancellationToken cancellationToken = default)
    {
        if (Context.Entry(row).State == EntityState.Detached)
        {
            Set.Update(row);
        }

        await SaveAsync(cancellationToken);
    }

    /// <summary>Deletes <paramref name="row"/> for good.</summary>
    public async Task RemoveAsync(TEntity row, CancellationToken cancellationToken = default)
    {
        Set.Remove(row);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Hides <paramref name="row"/> behind the soft-delete filter.</summary>
    public Task SoftDeleteAsync(TEntity row, CancellationToken cancellationToken = default)
    {
        AsSoftDeletable(row).DeletedAt = _clock.GetUtcNow().UtcDateTime;
        return UpdateAsync(row, cancellationToken);
    }

    /// <summary>Brings a soft-deleted row back; a <see cref="NotFoundError"/> when no row has that id.</summary>
    public async Task<TEntity> RestoreAsync(Guid publicId, CancellationToken cancellationToken = default)
    {
        var row = await Set.IgnoreQueryFilters([StrataQueryFilters.SoftDelete])
            .FirstOrDefaultAsync(r => r.PublicId == publicId, cancellationToken) ?? throw NotFound(publicId);
        AsSoftDeletable(row).DeletedAt = null;
        await SaveAsync(cancellationToken);
        return row;
    }

    /// <summary>Saves the context's pending changes; database refusals surface as <see cref="StrataError"/>s.</summary>
    protected async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Context.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not StrataError && DatabaseErrorTranslator.Translate(ex, [Context.Model]) is { } error)
        {
            throw error;
        }
    }

    /// <summary>The matching rows: <paramref name="filter"/> and, when given, a case-insensitive substring <paramref name="search"/>.</summary>
    protected IQueryable<TEntity> Filtered(Expression<Func<TEntity, bool>>? filter, string? search)
    {
        var query = filter is null ? Query : Query.Where(filter);
        return string.IsNullOrWhiteSpace(search) ? query : query.Where(SearchPredicate(search.Trim()));
    }

    private Expression<Func<TEntity, bool>> SearchPredicate(string search)
    {
        if (SearchFields.Count == 0)
        {
            throw new ValidationError("paging.search_unsupported", "search", "This list cannot be searched.");
        }

        // Wildcards typed by the user match themselves: escape the escape character first, then % and _.
        var pattern = new SearchPattern("%" + search.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal) + "%");
        var row = Expression.Parameter(typeof(TEntity), "row");
        var patternValue = Expression.Property(Expression.Constant(pattern), nameof(SearchPattern.Value));
        var like = Context.Provider == DatabaseProvider.Postgres
            ? typeof(Microsoft.EntityFrameworkCore.NpgsqlDbFunctionsExtensions).GetMethod(
                nameof(Microsoft.EntityFrameworkCore.NpgsqlDbFunctionsExtensions.ILike),
                [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!
            // SQLite's LIKE folds ASCII case; normalized_* columns cover the rest of Unicode.
            : typeof(DbFunctionsExtensions).GetMethod(
                nameof(DbFunctionsExtensions.Like),
                [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        var matches = SearchFields
            .Select(field => (Expression)Expression.Call(like,
                Expression.Constant(EF.Functions),
                new ParameterReplacer(field.Parameters[0], row).Visit(field.Body),
                patternValue,
                Expression.Constant(LikeEscape)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<TEntity, bool>>(matches, row);
    }

    private static Func<StrataDbContext, Guid, CancellationToken, Task<TEntity?>> CompileFindByPublicId() =>
        EF.CompileAsyncQuery((StrataDbContext context, Guid publicId, CancellationToken cancellationToken) =>
            context.Set<TEntity>().AsNoTracking().FirstOrDefault(row => row.PublicId == publicId));

    /// <summary>Refuses a page size outside 1 to <see cref="PageRequest.MaxPageSize"/>: 400 <c>paging.invalid_size</c> on <paramref name="field"/>.</summary>
    protected static void CheckSize(int size, string field)
    {
        if (size is < 1 or > PageRequest.MaxPageSize)
        {
            throw new ValidationError("paging.invalid_size", field, $"{field} must be between 1 and {PageRequest.MaxPageSize}.");
        }
    }

    private static ISoftDeletable AsSoftDeletable(TEntity row) => row as ISoftDeletable
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name} does not support soft delete; implement ISoftDeletable.");

    private sealed record SearchPattern(string Value);

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
