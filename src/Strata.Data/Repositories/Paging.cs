namespace Strata.Data.Repositories;

/// <summary>An offset page request: <c>?page=1&amp;pageSize=20&amp;sort=-createdAt</c>.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Rows per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Sort">A whitelisted sort field, prefixed with <c>-</c> for descending; null for the default.</param>
public sealed record PageRequest(int Page = 1, int PageSize = 20, string? Sort = null)
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;
}

/// <summary>An offset page: <c>{ items, page, pageSize, total }</c>.</summary>
/// <typeparam name="T">Row type.</typeparam>
/// <param name="Items">The rows of this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Rows per page asked for.</param>
/// <param name="Total">Rows matching in all pages.</param>
public sealed record OffsetPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    /// <summary>The same page with its rows mapped (entities to DTOs).</summary>
    public OffsetPage<TResult> Map<TResult>(Func<T, TResult> map) => new([.. Items.Select(map)], Page, PageSize, Total);
}

/// <summary>A keyset page request: <c>?limit=20&amp;cursor=…&amp;sort=name</c>.</summary>
/// <param name="Limit">Rows per page, 1 to <see cref="PageRequest.MaxPageSize"/>.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page; null for the first page.</param>
/// <param name="Sort">A whitelisted sort field, prefixed with <c>-</c> for descending; must match the cursor's.</param>
public sealed record KeysetRequest(int Limit = KeysetRequest.DefaultLimit, string? Cursor = null, string? Sort = null)
{
    /// <summary>Rows per page when the request names no limit.</summary>
    public const int DefaultLimit = 20;
}

/// <summary>A keyset page: <c>{ items, nextCursor }</c>, <c>nextCursor</c> null at the end.</summary>
/// <typeparam name="T">Row type.</typeparam>
/// <param name="Items">The rows of this page.</param>
/// <param name="NextCursor">Opaque, tamper-proof cursor of the next page.</param>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>The same page with its rows mapped (entities to DTOs).</summary>
    public KeysetPage<TResult> Map<TResult>(Func<T, TResult> map) => new([.. Items.Select(map)], NextCursor);
}
